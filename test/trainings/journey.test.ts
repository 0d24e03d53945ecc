// Issue 9's "done when", walked end to end through the API: a board member finds a training,
// enrols colleagues, sees the waitlist move when someone cancels; and the addendum's progress and
// settlement change as attendance, trajectories, learning tools and worktable meetings are
// recorded. Only the passing of time is simulated (a session moved into the addendum's period
// once its participants are enrolled): every other step is a mutation a user makes.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
let member: Actor;
const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-journey" };

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: ["Excello"], boards: ["Gent", "Brugge"] });
  member = { role: "BOARD_MEMBER", sub: "member-gent", board: rowId(fx.boards.Gent!) };
});
afterAll(() => api.close());

const FIND = graphql(`
  query JourneyFind($search: String) {
    trainings(filter: { search: $search }) { edges { node { id title(locale: NL) format } } }
  }
`);
const CREATE_SESSION = graphql(`
  mutation JourneyCreateSession($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id } } }
`);
const CREATE_EMPLOYEE = graphql(`
  mutation JourneyCreateEmployee($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } } }
`);
const ENROL = graphql(`
  mutation JourneyEnrol($input: EnrolInput!) { enrol(input: $input) { enrolment { id status waitlistPosition } } }
`);
const CANCEL = graphql(`
  mutation JourneyCancel($id: ID!) { cancelEnrolment(id: $id) { enrolment { status } promoted { id status } } }
`);
const SESSION = graphql(`
  query JourneySession($id: ID!) {
    node(id: $id) { ... on TrainingSession { seatsTaken freePlaces waitlistLength enrolments { id status waitlistPosition employee { displayName } } } }
  }
`);
const ATTEND = graphql(`
  mutation JourneyAttend($input: RecordAttendanceInput!) { recordAttendance(input: $input) { enrolment { status } } }
`);
const PROGRESS = graphql(`
  query JourneyProgress($id: ID!) {
    fundingAgreement(id: $id) {
      commitments(kind: RESULT) { number met target { __typename ... on MeasuredTarget { measures { metric { key hasSource } currentValue met breakdown { label value } } } } }
      settlement { achievedResultCommitments totalResultCommitments resultPart { cents } }
    }
  }
`);
const CREATE_TRAJECTORY = graphql(`
  mutation JourneyTrajectory($input: CreateTrajectoryInput!) { createTrajectory(input: $input) { trajectory { id } } }
`);
const CREATE_TOOL = graphql(`
  mutation JourneyTool($input: CreateLearningToolInput!) { createLearningTool(input: $input) { tool { id } } }
`);
const CREATE_GROUP = graphql(`
  mutation JourneyGroup($input: CreateWorktableGroupInput!) { createWorktableGroup(input: $input) { group { id } } }
`);
const PLAN = graphql(`
  mutation JourneyPlan($input: PlanWorktableMeetingInput!) { planWorktableMeeting(input: $input) { meeting { id } } }
`);
const HOLD = graphql(`
  mutation JourneyHold($input: RecordWorktableMeetingHeldInput!) { recordWorktableMeetingHeld(input: $input) { meeting { status } } }
`);

describe("a board member, a consultant and the addendum's progress", () => {
  it("finds a training, enrols colleagues, sees the waitlist move, and moves the addendum's progress and settlement", async () => {
    // The board member finds a burnout training in the catalogue.
    const found = (await api.ok(FIND, { search: "burnout" }, { as: member })).trainings.edges;
    expect(found.length).toBeGreaterThan(0);
    const training = found[0]!.node;

    // A consultant opens a session of two seats.
    const session = (
      await api.ok(
        CREATE_SESSION,
        { input: { trainingId: training.id, startsAt: "2031-05-01T07:00:00Z", endsAt: "2031-05-01T11:00:00Z", province: "EAST_FLANDERS", place: "Gent", capacity: 2 } },
        { as: CONSULTANT },
      )
    ).createTrainingSession.session.id;

    // The board member enrols three colleagues: two seats, then the waitlist.
    const colleagues: string[] = [];
    for (const name of ["An", "Bert", "Chloë"]) {
      colleagues.push((await api.ok(CREATE_EMPLOYEE, { input: { boardId: fx.boards.Gent!, displayName: name } }, { as: member })).createEmployee.employee.id);
    }
    const enrolments = [];
    for (const employeeId of colleagues) enrolments.push((await api.ok(ENROL, { input: { sessionId: session, employeeId } }, { as: member })).enrol.enrolment);
    expect(enrolments.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ["REGISTERED", null],
      ["REGISTERED", null],
      ["WAITLISTED", 1],
    ]);

    // An cancels: Chloë gets the seat in the same change.
    const cancelled = (await api.ok(CANCEL, { id: enrolments[0]!.id }, { as: member })).cancelEnrolment;
    expect(cancelled.enrolment.status).toBe("CANCELLED");
    expect(cancelled.promoted).toEqual({ id: enrolments[2]!.id, status: "REGISTERED" });
    const seen = await api.ok(SESSION, { id: session }, { as: member });
    expect(seen.node).toMatchObject({ seatsTaken: 2, freePlaces: 0, waitlistLength: 0 });

    // Before anything is recorded, no result commitment is achieved.
    const progress = async () => {
      const agreement = (await api.ok(PROGRESS, { id: fx.agreementId }, { as: CONSULTANT })).fundingAgreement!;
      const values = Object.fromEntries(agreement.commitments.map((c) => [c.number, c.target.__typename === "MeasuredTarget" ? c.target.measures.map((m) => m.currentValue) : []]));
      return { values, met: agreement.commitments.filter((c) => c.met).map((c) => c.number), settlement: agreement.settlement, commitments: agreement.commitments };
    };
    const start = await progress();
    expect(start.met).toEqual([]);
    expect(start.settlement).toMatchObject({ achievedResultCommitments: 0, totalResultCommitments: 5, resultPart: { cents: 0 } });
    for (const c of start.commitments) {
      if (c.target.__typename === "MeasuredTarget") for (const m of c.target.measures) expect(m.metric.hasSource).toBe(true);
    }

    // Time passes: the session took place in the addendum's period. Attendance is recorded.
    await api.database.db.execute(sql`update training_sessions set starts_at = '2024-05-02T07:00:00Z', ends_at = '2024-05-02T11:00:00Z' where id = ${rowId(session)}::uuid`);
    for (const enrolment of [enrolments[1]!, enrolments[2]!]) {
      expect((await api.ok(ATTEND, { input: { enrolmentId: enrolment.id, attended: true } }, { as: CONSULTANT })).recordAttendance.enrolment.status).toBe("ATTENDED");
    }
    expect((await progress()).values[3]).toEqual([2]);

    // Five leadership trajectories for diverse levels, and five learning tools on the platform.
    const levels = ["FOREMAN", "TEAM_LEADER", "MIDDLE_MANAGER", "DEPARTMENT_HEAD", "GENERAL_DIRECTOR"] as const;
    for (const [i, level] of levels.entries()) {
      await api.ok(
        CREATE_TRAJECTORY,
        {
          input: {
            kind: "LEADERSHIP",
            title: { nl: `Leiderschap ${i + 1}` },
            targetLevels: [level],
            partnerId: fx.orgs.Excello!,
            offeredFrom: "2023-09-01",
            offeredUntil: "2024-06-30",
          },
        },
        { as: CONSULTANT },
      );
    }
    for (let i = 1; i <= 5; i++) {
      await api.ok(
        CREATE_TOOL,
        { input: { title: { nl: `Leerinstrument ${i}` }, kind: "INSTRUMENT", link: `https://kennisplatform.example/tools/${i}`, publishedFrom: "2024-01-15" } },
        { as: CONSULTANT },
      );
    }
    const two = await progress();
    expect(two.met).toEqual([1, 2]);
    // Two of five is fewer than half: still no result financing.
    expect(two.settlement).toMatchObject({ achievedResultCommitments: 2, resultPart: { cents: 0 } });
    const leadership = two.commitments.find((c) => c.number === 1)!;
    if (leadership.target.__typename !== "MeasuredTarget") throw new Error("result 1 is measured");
    expect(leadership.target.measures[0]!.breakdown.filter((p) => p.value > 0).map((p) => p.label)).toEqual([...levels]);

    // Thirty worktable meetings held over 2023 and 2024 (at most 24 a group: two groups).
    for (const year of [2023, 2024]) {
      const group = (await api.ok(CREATE_GROUP, { input: { title: { nl: `Werktafel Oost-Vlaanderen ${year}` }, province: "EAST_FLANDERS", year } }, { as: CONSULTANT }))
        .createWorktableGroup.group.id;
      for (let i = 0; i < 15; i++) {
        const day = `${year}-${String(8 + Math.floor(i / 4)).padStart(2, "0")}-${String(3 + (i % 4) * 7).padStart(2, "0")}`;
        const meeting = (await api.ok(PLAN, { input: { groupId: group, date: day, hostBoardId: fx.boards.Gent! } }, { as: CONSULTANT })).planWorktableMeeting.meeting.id;
        await api.ok(HOLD, { input: { id: meeting, attendingBoardIds: [fx.boards.Gent!, fx.boards.Brugge!] } }, { as: CONSULTANT });
      }
    }
    const three = await progress();
    expect(three.met).toEqual([1, 2, 4]);
    expect(three.values[4]).toEqual([30]);
    const worktables = three.commitments.find((c) => c.number === 4)!;
    if (worktables.target.__typename !== "MeasuredTarget") throw new Error("result 4 is measured");
    expect(worktables.target.measures[0]!.breakdown).toEqual([
      { label: "2023", value: 15 },
      { label: "2024", value: 15 },
      { label: "2025", value: 0 },
    ]);
    // Three of five: three fifths of the EUR 120,000 result share.
    expect(three.settlement).toMatchObject({ achievedResultCommitments: 3, resultPart: { cents: 7_200_000 } });
  });
});
