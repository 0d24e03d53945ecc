import type { EnrolmentResolvers } from "./../../types.generated.js";
export const Enrolment: EnrolmentResolvers = {
  /* Implement Enrolment resolver logic here */
  employee: async (_parent, _arg, _ctx) => {
    /* Enrolment.employee resolver is required because Enrolment.employee exists but EnrolmentMapper.employee does not */
  },
  enrolledAt: async (_parent, _arg, _ctx) => {
    /* Enrolment.enrolledAt resolver is required because Enrolment.enrolledAt exists but EnrolmentMapper.enrolledAt does not */
  },
  session: async (_parent, _arg, _ctx) => {
    /* Enrolment.session resolver is required because Enrolment.session exists but EnrolmentMapper.session does not */
  },
  waitlistPosition: async (_parent, _arg, _ctx) => {
    /* Enrolment.waitlistPosition resolver is required because Enrolment.waitlistPosition exists but EnrolmentMapper.waitlistPosition does not */
  },
};
