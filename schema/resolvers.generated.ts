/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.js';
    import    { auditLog as Query_auditLog } from './audit/resolvers/Query/auditLog.js';
import    { board as Query_board } from './boards/resolvers/Query/board.js';
import    { boards as Query_boards } from './boards/resolvers/Query/boards.js';
import    { node as Query_node } from './base/resolvers/Query/node.js';
import    { nodes as Query_nodes } from './base/resolvers/Query/nodes.js';
import    { organisation as Query_organisation } from './organisations/resolvers/Query/organisation.js';
import    { organisations as Query_organisations } from './organisations/resolvers/Query/organisations.js';
import    { viewer as Query_viewer } from './base/resolvers/Query/viewer.js';
import    { createBoard as Mutation_createBoard } from './boards/resolvers/Mutation/createBoard.js';
import    { createOrganisation as Mutation_createOrganisation } from './organisations/resolvers/Mutation/createOrganisation.js';
import    { updateBoard as Mutation_updateBoard } from './boards/resolvers/Mutation/updateBoard.js';
import    { updateOrganisation as Mutation_updateOrganisation } from './organisations/resolvers/Mutation/updateOrganisation.js';
import    { boardChanged as Subscription_boardChanged } from './boards/resolvers/Subscription/boardChanged.js';
import    { AuditEntry } from './audit/resolvers/AuditEntry.js';
import    { AuditEntryConnection } from './audit/resolvers/AuditEntryConnection.js';
import    { Board } from './boards/resolvers/Board.js';
import    { BoardConnection } from './boards/resolvers/BoardConnection.js';
import    { Organisation } from './organisations/resolvers/Organisation.js';
import    { OrganisationConnection } from './organisations/resolvers/OrganisationConnection.js';
import    { Viewer } from './base/resolvers/Viewer.js';
import    { DateTimeResolver,JSONResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { auditLog: Query_auditLog,board: Query_board,boards: Query_boards,node: Query_node,nodes: Query_nodes,organisation: Query_organisation,organisations: Query_organisations,viewer: Query_viewer },
      Mutation: { createBoard: Mutation_createBoard,createOrganisation: Mutation_createOrganisation,updateBoard: Mutation_updateBoard,updateOrganisation: Mutation_updateOrganisation },
      Subscription: { boardChanged: Subscription_boardChanged },
      AuditEntry: AuditEntry,
AuditEntryConnection: AuditEntryConnection,
Board: Board,
BoardConnection: BoardConnection,
Organisation: Organisation,
OrganisationConnection: OrganisationConnection,
Viewer: Viewer,
DateTime: DateTimeResolver,
JSON: JSONResolver
    }