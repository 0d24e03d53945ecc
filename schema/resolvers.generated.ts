/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.js';
    import    { auditLog as Query_auditLog } from './audit/resolvers/Query/auditLog.js';
import    { board as Query_board } from './boards/resolvers/Query/board.js';
import    { boards as Query_boards } from './boards/resolvers/Query/boards.js';
import    { fundingAgreement as Query_fundingAgreement } from './funding/resolvers/Query/fundingAgreement.js';
import    { fundingAgreements as Query_fundingAgreements } from './funding/resolvers/Query/fundingAgreements.js';
import    { node as Query_node } from './base/resolvers/Query/node.js';
import    { nodes as Query_nodes } from './base/resolvers/Query/nodes.js';
import    { organisation as Query_organisation } from './organisations/resolvers/Query/organisation.js';
import    { organisations as Query_organisations } from './organisations/resolvers/Query/organisations.js';
import    { viewer as Query_viewer } from './base/resolvers/Query/viewer.js';
import    { approveInvoice as Mutation_approveInvoice } from './funding/resolvers/Mutation/approveInvoice.js';
import    { createBoard as Mutation_createBoard } from './boards/resolvers/Mutation/createBoard.js';
import    { createOrganisation as Mutation_createOrganisation } from './organisations/resolvers/Mutation/createOrganisation.js';
import    { judgeCommitment as Mutation_judgeCommitment } from './funding/resolvers/Mutation/judgeCommitment.js';
import    { payInvoice as Mutation_payInvoice } from './funding/resolvers/Mutation/payInvoice.js';
import    { recordCoFinancing as Mutation_recordCoFinancing } from './funding/resolvers/Mutation/recordCoFinancing.js';
import    { rejectInvoice as Mutation_rejectInvoice } from './funding/resolvers/Mutation/rejectInvoice.js';
import    { submitInvoice as Mutation_submitInvoice } from './funding/resolvers/Mutation/submitInvoice.js';
import    { updateBoard as Mutation_updateBoard } from './boards/resolvers/Mutation/updateBoard.js';
import    { updateOrganisation as Mutation_updateOrganisation } from './organisations/resolvers/Mutation/updateOrganisation.js';
import    { boardChanged as Subscription_boardChanged } from './boards/resolvers/Subscription/boardChanged.js';
import    { Action } from './funding/resolvers/Action.js';
import    { AuditEntry } from './audit/resolvers/AuditEntry.js';
import    { AuditEntryConnection } from './audit/resolvers/AuditEntryConnection.js';
import    { Board } from './boards/resolvers/Board.js';
import    { BoardConnection } from './boards/resolvers/BoardConnection.js';
import    { Budget } from './funding/resolvers/Budget.js';
import    { CoFinancing } from './funding/resolvers/CoFinancing.js';
import    { CoFinancingEntry } from './funding/resolvers/CoFinancingEntry.js';
import    { CoFinancingEntryConnection } from './funding/resolvers/CoFinancingEntryConnection.js';
import    { Commitment } from './funding/resolvers/Commitment.js';
import    { FundingAgreement } from './funding/resolvers/FundingAgreement.js';
import    { FundingAgreementConnection } from './funding/resolvers/FundingAgreementConnection.js';
import    { Invoice } from './funding/resolvers/Invoice.js';
import    { InvoiceConnection } from './funding/resolvers/InvoiceConnection.js';
import    { InvoiceTransition } from './funding/resolvers/InvoiceTransition.js';
import    { Measure } from './funding/resolvers/Measure.js';
import    { MeasuredTarget } from './funding/resolvers/MeasuredTarget.js';
import    { Metric } from './funding/resolvers/Metric.js';
import    { Organisation } from './organisations/resolvers/Organisation.js';
import    { OrganisationConnection } from './organisations/resolvers/OrganisationConnection.js';
import    { QualitativeTarget } from './funding/resolvers/QualitativeTarget.js';
import    { Settlement } from './funding/resolvers/Settlement.js';
import    { Track } from './funding/resolvers/Track.js';
import    { Viewer } from './base/resolvers/Viewer.js';
import    { DateTimeResolver,JSONResolver,LocalDateResolver,SafeIntResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { auditLog: Query_auditLog,board: Query_board,boards: Query_boards,fundingAgreement: Query_fundingAgreement,fundingAgreements: Query_fundingAgreements,node: Query_node,nodes: Query_nodes,organisation: Query_organisation,organisations: Query_organisations,viewer: Query_viewer },
      Mutation: { approveInvoice: Mutation_approveInvoice,createBoard: Mutation_createBoard,createOrganisation: Mutation_createOrganisation,judgeCommitment: Mutation_judgeCommitment,payInvoice: Mutation_payInvoice,recordCoFinancing: Mutation_recordCoFinancing,rejectInvoice: Mutation_rejectInvoice,submitInvoice: Mutation_submitInvoice,updateBoard: Mutation_updateBoard,updateOrganisation: Mutation_updateOrganisation },
      Subscription: { boardChanged: Subscription_boardChanged },
      Action: Action,
AuditEntry: AuditEntry,
AuditEntryConnection: AuditEntryConnection,
Board: Board,
BoardConnection: BoardConnection,
Budget: Budget,
CoFinancing: CoFinancing,
CoFinancingEntry: CoFinancingEntry,
CoFinancingEntryConnection: CoFinancingEntryConnection,
Commitment: Commitment,
FundingAgreement: FundingAgreement,
FundingAgreementConnection: FundingAgreementConnection,
Invoice: Invoice,
InvoiceConnection: InvoiceConnection,
InvoiceTransition: InvoiceTransition,
Measure: Measure,
MeasuredTarget: MeasuredTarget,
Metric: Metric,
Organisation: Organisation,
OrganisationConnection: OrganisationConnection,
QualitativeTarget: QualitativeTarget,
Settlement: Settlement,
Track: Track,
Viewer: Viewer,
DateTime: DateTimeResolver,
JSON: JSONResolver,
LocalDate: LocalDateResolver,
SafeInt: SafeIntResolver
    }