/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.js';
    import    { auditLog as Query_auditLog } from './audit/resolvers/Query/auditLog.js';
import    { board as Query_board } from './boards/resolvers/Query/board.js';
import    { boards as Query_boards } from './boards/resolvers/Query/boards.js';
import    { employees as Query_employees } from './trainings/resolvers/Query/employees.js';
import    { fundingAgreement as Query_fundingAgreement } from './funding/resolvers/Query/fundingAgreement.js';
import    { fundingAgreements as Query_fundingAgreements } from './funding/resolvers/Query/fundingAgreements.js';
import    { node as Query_node } from './base/resolvers/Query/node.js';
import    { nodes as Query_nodes } from './base/resolvers/Query/nodes.js';
import    { organisation as Query_organisation } from './organisations/resolvers/Query/organisation.js';
import    { organisations as Query_organisations } from './organisations/resolvers/Query/organisations.js';
import    { reach as Query_reach } from './trainings/resolvers/Query/reach.js';
import    { training as Query_training } from './trainings/resolvers/Query/training.js';
import    { trainingSessions as Query_trainingSessions } from './trainings/resolvers/Query/trainingSessions.js';
import    { trainings as Query_trainings } from './trainings/resolvers/Query/trainings.js';
import    { viewer as Query_viewer } from './base/resolvers/Query/viewer.js';
import    { acceptJudgement as Mutation_acceptJudgement } from './funding/resolvers/Mutation/acceptJudgement.js';
import    { addAction as Mutation_addAction } from './funding/resolvers/Mutation/addAction.js';
import    { addCommitment as Mutation_addCommitment } from './funding/resolvers/Mutation/addCommitment.js';
import    { addTrack as Mutation_addTrack } from './funding/resolvers/Mutation/addTrack.js';
import    { approveInvoice as Mutation_approveInvoice } from './funding/resolvers/Mutation/approveInvoice.js';
import    { cancelEnrolment as Mutation_cancelEnrolment } from './trainings/resolvers/Mutation/cancelEnrolment.js';
import    { closeFundingAgreement as Mutation_closeFundingAgreement } from './funding/resolvers/Mutation/closeFundingAgreement.js';
import    { createBoard as Mutation_createBoard } from './boards/resolvers/Mutation/createBoard.js';
import    { createEmployee as Mutation_createEmployee } from './trainings/resolvers/Mutation/createEmployee.js';
import    { createFundingAgreement as Mutation_createFundingAgreement } from './funding/resolvers/Mutation/createFundingAgreement.js';
import    { createOrganisation as Mutation_createOrganisation } from './organisations/resolvers/Mutation/createOrganisation.js';
import    { createTraining as Mutation_createTraining } from './trainings/resolvers/Mutation/createTraining.js';
import    { createTrainingSession as Mutation_createTrainingSession } from './trainings/resolvers/Mutation/createTrainingSession.js';
import    { enrol as Mutation_enrol } from './trainings/resolvers/Mutation/enrol.js';
import    { forgetEmployee as Mutation_forgetEmployee } from './trainings/resolvers/Mutation/forgetEmployee.js';
import    { payInvoice as Mutation_payInvoice } from './funding/resolvers/Mutation/payInvoice.js';
import    { proposeJudgement as Mutation_proposeJudgement } from './funding/resolvers/Mutation/proposeJudgement.js';
import    { recordAttendance as Mutation_recordAttendance } from './trainings/resolvers/Mutation/recordAttendance.js';
import    { recordCoFinancing as Mutation_recordCoFinancing } from './funding/resolvers/Mutation/recordCoFinancing.js';
import    { recordOverheadCost as Mutation_recordOverheadCost } from './funding/resolvers/Mutation/recordOverheadCost.js';
import    { refuseJudgement as Mutation_refuseJudgement } from './funding/resolvers/Mutation/refuseJudgement.js';
import    { rejectInvoice as Mutation_rejectInvoice } from './funding/resolvers/Mutation/rejectInvoice.js';
import    { removeCommitment as Mutation_removeCommitment } from './funding/resolvers/Mutation/removeCommitment.js';
import    { reopenCommitment as Mutation_reopenCommitment } from './funding/resolvers/Mutation/reopenCommitment.js';
import    { reopenFundingAgreement as Mutation_reopenFundingAgreement } from './funding/resolvers/Mutation/reopenFundingAgreement.js';
import    { reverseCoFinancingEntry as Mutation_reverseCoFinancingEntry } from './funding/resolvers/Mutation/reverseCoFinancingEntry.js';
import    { reverseOverheadCost as Mutation_reverseOverheadCost } from './funding/resolvers/Mutation/reverseOverheadCost.js';
import    { setFundingTerms as Mutation_setFundingTerms } from './funding/resolvers/Mutation/setFundingTerms.js';
import    { submitInvoice as Mutation_submitInvoice } from './funding/resolvers/Mutation/submitInvoice.js';
import    { updateAction as Mutation_updateAction } from './funding/resolvers/Mutation/updateAction.js';
import    { updateBoard as Mutation_updateBoard } from './boards/resolvers/Mutation/updateBoard.js';
import    { updateCommitment as Mutation_updateCommitment } from './funding/resolvers/Mutation/updateCommitment.js';
import    { updateEmployee as Mutation_updateEmployee } from './trainings/resolvers/Mutation/updateEmployee.js';
import    { updateFundingAgreement as Mutation_updateFundingAgreement } from './funding/resolvers/Mutation/updateFundingAgreement.js';
import    { updateOrganisation as Mutation_updateOrganisation } from './organisations/resolvers/Mutation/updateOrganisation.js';
import    { updateTrack as Mutation_updateTrack } from './funding/resolvers/Mutation/updateTrack.js';
import    { updateTraining as Mutation_updateTraining } from './trainings/resolvers/Mutation/updateTraining.js';
import    { updateTrainingSession as Mutation_updateTrainingSession } from './trainings/resolvers/Mutation/updateTrainingSession.js';
import    { boardChanged as Subscription_boardChanged } from './boards/resolvers/Subscription/boardChanged.js';
import    { Action } from './funding/resolvers/Action.js';
import    { AgreementClosing } from './funding/resolvers/AgreementClosing.js';
import    { AuditEntry } from './audit/resolvers/AuditEntry.js';
import    { AuditEntryConnection } from './audit/resolvers/AuditEntryConnection.js';
import    { Board as boards_Board } from './boards/resolvers/Board.js';
import    { Board as trainings_Board } from './trainings/resolvers/Board.js';
import    { BoardConnection } from './boards/resolvers/BoardConnection.js';
import    { Budget } from './funding/resolvers/Budget.js';
import    { CoFinancing } from './funding/resolvers/CoFinancing.js';
import    { CoFinancingEntry } from './funding/resolvers/CoFinancingEntry.js';
import    { CoFinancingEntryConnection } from './funding/resolvers/CoFinancingEntryConnection.js';
import    { Commitment } from './funding/resolvers/Commitment.js';
import    { Employee } from './trainings/resolvers/Employee.js';
import    { EmployeeConnection } from './trainings/resolvers/EmployeeConnection.js';
import    { Enrolment } from './trainings/resolvers/Enrolment.js';
import    { FundingAgreement } from './funding/resolvers/FundingAgreement.js';
import    { FundingAgreementConnection } from './funding/resolvers/FundingAgreementConnection.js';
import    { Invoice } from './funding/resolvers/Invoice.js';
import    { InvoiceConnection } from './funding/resolvers/InvoiceConnection.js';
import    { InvoiceTransition } from './funding/resolvers/InvoiceTransition.js';
import    { JudgementProposal } from './funding/resolvers/JudgementProposal.js';
import    { JudgementStep } from './funding/resolvers/JudgementStep.js';
import    { Measure } from './funding/resolvers/Measure.js';
import    { MeasuredTarget } from './funding/resolvers/MeasuredTarget.js';
import    { Metric } from './funding/resolvers/Metric.js';
import    { Organisation } from './organisations/resolvers/Organisation.js';
import    { OrganisationConnection } from './organisations/resolvers/OrganisationConnection.js';
import    { Overhead } from './funding/resolvers/Overhead.js';
import    { OverheadCost } from './funding/resolvers/OverheadCost.js';
import    { OverheadCostConnection } from './funding/resolvers/OverheadCostConnection.js';
import    { QualitativeTarget } from './funding/resolvers/QualitativeTarget.js';
import    { Reach } from './trainings/resolvers/Reach.js';
import    { Settlement } from './funding/resolvers/Settlement.js';
import    { Track } from './funding/resolvers/Track.js';
import    { Training } from './trainings/resolvers/Training.js';
import    { TrainingConnection } from './trainings/resolvers/TrainingConnection.js';
import    { TrainingSession } from './trainings/resolvers/TrainingSession.js';
import    { TrainingSessionConnection } from './trainings/resolvers/TrainingSessionConnection.js';
import    { Viewer } from './base/resolvers/Viewer.js';
import    { DateTimeResolver,JSONResolver,LocalDateResolver,SafeIntResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { auditLog: Query_auditLog,board: Query_board,boards: Query_boards,employees: Query_employees,fundingAgreement: Query_fundingAgreement,fundingAgreements: Query_fundingAgreements,node: Query_node,nodes: Query_nodes,organisation: Query_organisation,organisations: Query_organisations,reach: Query_reach,training: Query_training,trainingSessions: Query_trainingSessions,trainings: Query_trainings,viewer: Query_viewer },
      Mutation: { acceptJudgement: Mutation_acceptJudgement,addAction: Mutation_addAction,addCommitment: Mutation_addCommitment,addTrack: Mutation_addTrack,approveInvoice: Mutation_approveInvoice,cancelEnrolment: Mutation_cancelEnrolment,closeFundingAgreement: Mutation_closeFundingAgreement,createBoard: Mutation_createBoard,createEmployee: Mutation_createEmployee,createFundingAgreement: Mutation_createFundingAgreement,createOrganisation: Mutation_createOrganisation,createTraining: Mutation_createTraining,createTrainingSession: Mutation_createTrainingSession,enrol: Mutation_enrol,forgetEmployee: Mutation_forgetEmployee,payInvoice: Mutation_payInvoice,proposeJudgement: Mutation_proposeJudgement,recordAttendance: Mutation_recordAttendance,recordCoFinancing: Mutation_recordCoFinancing,recordOverheadCost: Mutation_recordOverheadCost,refuseJudgement: Mutation_refuseJudgement,rejectInvoice: Mutation_rejectInvoice,removeCommitment: Mutation_removeCommitment,reopenCommitment: Mutation_reopenCommitment,reopenFundingAgreement: Mutation_reopenFundingAgreement,reverseCoFinancingEntry: Mutation_reverseCoFinancingEntry,reverseOverheadCost: Mutation_reverseOverheadCost,setFundingTerms: Mutation_setFundingTerms,submitInvoice: Mutation_submitInvoice,updateAction: Mutation_updateAction,updateBoard: Mutation_updateBoard,updateCommitment: Mutation_updateCommitment,updateEmployee: Mutation_updateEmployee,updateFundingAgreement: Mutation_updateFundingAgreement,updateOrganisation: Mutation_updateOrganisation,updateTrack: Mutation_updateTrack,updateTraining: Mutation_updateTraining,updateTrainingSession: Mutation_updateTrainingSession },
      Subscription: { boardChanged: Subscription_boardChanged },
      Action: Action,
AgreementClosing: AgreementClosing,
AuditEntry: AuditEntry,
AuditEntryConnection: AuditEntryConnection,
Board: { ...boards_Board,...trainings_Board },
BoardConnection: BoardConnection,
Budget: Budget,
CoFinancing: CoFinancing,
CoFinancingEntry: CoFinancingEntry,
CoFinancingEntryConnection: CoFinancingEntryConnection,
Commitment: Commitment,
Employee: Employee,
EmployeeConnection: EmployeeConnection,
Enrolment: Enrolment,
FundingAgreement: FundingAgreement,
FundingAgreementConnection: FundingAgreementConnection,
Invoice: Invoice,
InvoiceConnection: InvoiceConnection,
InvoiceTransition: InvoiceTransition,
JudgementProposal: JudgementProposal,
JudgementStep: JudgementStep,
Measure: Measure,
MeasuredTarget: MeasuredTarget,
Metric: Metric,
Organisation: Organisation,
OrganisationConnection: OrganisationConnection,
Overhead: Overhead,
OverheadCost: OverheadCost,
OverheadCostConnection: OverheadCostConnection,
QualitativeTarget: QualitativeTarget,
Reach: Reach,
Settlement: Settlement,
Track: Track,
Training: Training,
TrainingConnection: TrainingConnection,
TrainingSession: TrainingSession,
TrainingSessionConnection: TrainingSessionConnection,
Viewer: Viewer,
DateTime: DateTimeResolver,
JSON: JSONResolver,
LocalDate: LocalDateResolver,
SafeInt: SafeIntResolver
    }