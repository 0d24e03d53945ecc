import { toGlobalId } from "../../shared/relay.js";
import type { EnrolmentResolvers } from "./../../types.generated.js";
import { enrolmentEmployee, enrolmentSession, waitlistPosition } from "../people.service.js";
import { feeChargeOf } from "../trainings.service.js";

export const Enrolment: EnrolmentResolvers = {
  id: (enrolment) => toGlobalId("Enrolment", enrolment.id),
  employee: (enrolment, _arg, ctx) => enrolmentEmployee(ctx, enrolment),
  enrolledAt: (enrolment) => enrolment.createdAt,
  session: (enrolment, _arg, ctx) => enrolmentSession(ctx, enrolment),
  waitlistPosition: (enrolment, _arg, ctx) => waitlistPosition(ctx, enrolment),
  feeCharge: (enrolment, _arg, ctx) => feeChargeOf(ctx, enrolment),
};
