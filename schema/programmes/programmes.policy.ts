// Who may change a programme: consultants and admins fill in strategic goals and keep phases up to
// date. Reading programmes is public.
import { definePolicy, editors } from "../shared/policy.js";

export const programmeManage = definePolicy("programme.manage", "Fill in a programme's strategic goals and change its phases", editors);
