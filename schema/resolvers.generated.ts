/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.js';
    import    { apiKeys as Query_apiKeys } from './partners/resolvers/Query/apiKeys.js';
import    { auditLog as Query_auditLog } from './audit/resolvers/Query/auditLog.js';
import    { board as Query_board } from './boards/resolvers/Query/board.js';
import    { boards as Query_boards } from './boards/resolvers/Query/boards.js';
import    { campaignResults as Query_campaignResults } from './campaigns/resolvers/Query/campaignResults.js';
import    { campaigns as Query_campaigns } from './campaigns/resolvers/Query/campaigns.js';
import    { charters as Query_charters } from './mentoring/resolvers/Query/charters.js';
import    { communicationFigures as Query_communicationFigures } from './trainings/resolvers/Query/communicationFigures.js';
import    { communicationReach as Query_communicationReach } from './trainings/resolvers/Query/communicationReach.js';
import    { contactQuestions as Query_contactQuestions } from './labolokaal/resolvers/Query/contactQuestions.js';
import    { employees as Query_employees } from './trainings/resolvers/Query/employees.js';
import    { fundingAgreement as Query_fundingAgreement } from './funding/resolvers/Query/fundingAgreement.js';
import    { fundingAgreements as Query_fundingAgreements } from './funding/resolvers/Query/fundingAgreements.js';
import    { learningTools as Query_learningTools } from './trainings/resolvers/Query/learningTools.js';
import    { mentoringMatches as Query_mentoringMatches } from './mentoring/resolvers/Query/mentoringMatches.js';
import    { mentoringProjects as Query_mentoringProjects } from './mentoring/resolvers/Query/mentoringProjects.js';
import    { myProfile as Query_myProfile } from './labolokaal/resolvers/Query/myProfile.js';
import    { node as Query_node } from './base/resolvers/Query/node.js';
import    { nodes as Query_nodes } from './base/resolvers/Query/nodes.js';
import    { onTheJobTrainings as Query_onTheJobTrainings } from './mentoring/resolvers/Query/onTheJobTrainings.js';
import    { organisation as Query_organisation } from './organisations/resolvers/Query/organisation.js';
import    { organisations as Query_organisations } from './organisations/resolvers/Query/organisations.js';
import    { professions as Query_professions } from './trainings/resolvers/Query/professions.js';
import    { programme as Query_programme } from './programmes/resolvers/Query/programme.js';
import    { programmes as Query_programmes } from './programmes/resolvers/Query/programmes.js';
import    { projectCalls as Query_projectCalls } from './labolokaal/resolvers/Query/projectCalls.js';
import    { projects as Query_projects } from './labolokaal/resolvers/Query/projects.js';
import    { publishedCampaignResults as Query_publishedCampaignResults } from './campaigns/resolvers/Query/publishedCampaignResults.js';
import    { publishedLearningTools as Query_publishedLearningTools } from './trainings/resolvers/Query/publishedLearningTools.js';
import    { publishedProfessions as Query_publishedProfessions } from './trainings/resolvers/Query/publishedProfessions.js';
import    { reach as Query_reach } from './trainings/resolvers/Query/reach.js';
import    { selectionProposal as Query_selectionProposal } from './campaigns/resolvers/Query/selectionProposal.js';
import    { themes as Query_themes } from './labolokaal/resolvers/Query/themes.js';
import    { training as Query_training } from './trainings/resolvers/Query/training.js';
import    { trainingSessions as Query_trainingSessions } from './trainings/resolvers/Query/trainingSessions.js';
import    { trainings as Query_trainings } from './trainings/resolvers/Query/trainings.js';
import    { trajectories as Query_trajectories } from './trainings/resolvers/Query/trajectories.js';
import    { trajectory as Query_trajectory } from './trainings/resolvers/Query/trajectory.js';
import    { viewer as Query_viewer } from './base/resolvers/Query/viewer.js';
import    { webhookDeliveries as Query_webhookDeliveries } from './partners/resolvers/Query/webhookDeliveries.js';
import    { webhookSubscriptions as Query_webhookSubscriptions } from './partners/resolvers/Query/webhookSubscriptions.js';
import    { worktableGroups as Query_worktableGroups } from './trainings/resolvers/Query/worktableGroups.js';
import    { worktableMeetings as Query_worktableMeetings } from './trainings/resolvers/Query/worktableMeetings.js';
import    { worktableMeetingsHeld as Query_worktableMeetingsHeld } from './trainings/resolvers/Query/worktableMeetingsHeld.js';
import    { acceptJudgement as Mutation_acceptJudgement } from './funding/resolvers/Mutation/acceptJudgement.js';
import    { addAction as Mutation_addAction } from './funding/resolvers/Mutation/addAction.js';
import    { addCommitment as Mutation_addCommitment } from './funding/resolvers/Mutation/addCommitment.js';
import    { addSteeringGroupMember as Mutation_addSteeringGroupMember } from './campaigns/resolvers/Mutation/addSteeringGroupMember.js';
import    { addTrack as Mutation_addTrack } from './funding/resolvers/Mutation/addTrack.js';
import    { answerQuestion as Mutation_answerQuestion } from './labolokaal/resolvers/Mutation/answerQuestion.js';
import    { applyToCall as Mutation_applyToCall } from './labolokaal/resolvers/Mutation/applyToCall.js';
import    { applyToCampaign as Mutation_applyToCampaign } from './campaigns/resolvers/Mutation/applyToCampaign.js';
import    { approveInvoice as Mutation_approveInvoice } from './funding/resolvers/Mutation/approveInvoice.js';
import    { askQuestion as Mutation_askQuestion } from './labolokaal/resolvers/Mutation/askQuestion.js';
import    { cancelEnrolment as Mutation_cancelEnrolment } from './trainings/resolvers/Mutation/cancelEnrolment.js';
import    { cancelWorktableMeeting as Mutation_cancelWorktableMeeting } from './trainings/resolvers/Mutation/cancelWorktableMeeting.js';
import    { castBallot as Mutation_castBallot } from './campaigns/resolvers/Mutation/castBallot.js';
import    { closeFundingAgreement as Mutation_closeFundingAgreement } from './funding/resolvers/Mutation/closeFundingAgreement.js';
import    { closeVote as Mutation_closeVote } from './campaigns/resolvers/Mutation/closeVote.js';
import    { confirmDocumentUpload as Mutation_confirmDocumentUpload } from './labolokaal/resolvers/Mutation/confirmDocumentUpload.js';
import    { confirmMentorEmail as Mutation_confirmMentorEmail } from './mentoring/resolvers/Mutation/confirmMentorEmail.js';
import    { confirmProfilePhotoUpload as Mutation_confirmProfilePhotoUpload } from './labolokaal/resolvers/Mutation/confirmProfilePhotoUpload.js';
import    { confirmSelection as Mutation_confirmSelection } from './campaigns/resolvers/Mutation/confirmSelection.js';
import    { createApiKey as Mutation_createApiKey } from './partners/resolvers/Mutation/createApiKey.js';
import    { createBoard as Mutation_createBoard } from './boards/resolvers/Mutation/createBoard.js';
import    { createCampaign as Mutation_createCampaign } from './campaigns/resolvers/Mutation/createCampaign.js';
import    { createCampaignResult as Mutation_createCampaignResult } from './campaigns/resolvers/Mutation/createCampaignResult.js';
import    { createEmployee as Mutation_createEmployee } from './trainings/resolvers/Mutation/createEmployee.js';
import    { createFundingAgreement as Mutation_createFundingAgreement } from './funding/resolvers/Mutation/createFundingAgreement.js';
import    { createLearningTool as Mutation_createLearningTool } from './trainings/resolvers/Mutation/createLearningTool.js';
import    { createMentoringProject as Mutation_createMentoringProject } from './mentoring/resolvers/Mutation/createMentoringProject.js';
import    { createOnTheJobTraining as Mutation_createOnTheJobTraining } from './mentoring/resolvers/Mutation/createOnTheJobTraining.js';
import    { createOrganisation as Mutation_createOrganisation } from './organisations/resolvers/Mutation/createOrganisation.js';
import    { createProfession as Mutation_createProfession } from './trainings/resolvers/Mutation/createProfession.js';
import    { createTheme as Mutation_createTheme } from './labolokaal/resolvers/Mutation/createTheme.js';
import    { createTraining as Mutation_createTraining } from './trainings/resolvers/Mutation/createTraining.js';
import    { createTrainingSession as Mutation_createTrainingSession } from './trainings/resolvers/Mutation/createTrainingSession.js';
import    { createTrajectory as Mutation_createTrajectory } from './trainings/resolvers/Mutation/createTrajectory.js';
import    { createTrajectorySession as Mutation_createTrajectorySession } from './trainings/resolvers/Mutation/createTrajectorySession.js';
import    { createWebhookSubscription as Mutation_createWebhookSubscription } from './partners/resolvers/Mutation/createWebhookSubscription.js';
import    { createWorktableGroup as Mutation_createWorktableGroup } from './trainings/resolvers/Mutation/createWorktableGroup.js';
import    { decideApplication as Mutation_decideApplication } from './labolokaal/resolvers/Mutation/decideApplication.js';
import    { decideMentorRegistration as Mutation_decideMentorRegistration } from './mentoring/resolvers/Mutation/decideMentorRegistration.js';
import    { deleteWebhookSubscription as Mutation_deleteWebhookSubscription } from './partners/resolvers/Mutation/deleteWebhookSubscription.js';
import    { editReply as Mutation_editReply } from './labolokaal/resolvers/Mutation/editReply.js';
import    { editThread as Mutation_editThread } from './labolokaal/resolvers/Mutation/editThread.js';
import    { enrol as Mutation_enrol } from './trainings/resolvers/Mutation/enrol.js';
import    { forgetEmployee as Mutation_forgetEmployee } from './trainings/resolvers/Mutation/forgetEmployee.js';
import    { joinTrajectory as Mutation_joinTrajectory } from './trainings/resolvers/Mutation/joinTrajectory.js';
import    { logMentoringActivity as Mutation_logMentoringActivity } from './mentoring/resolvers/Mutation/logMentoringActivity.js';
import    { openProjectCall as Mutation_openProjectCall } from './labolokaal/resolvers/Mutation/openProjectCall.js';
import    { pauseWebhookSubscription as Mutation_pauseWebhookSubscription } from './partners/resolvers/Mutation/pauseWebhookSubscription.js';
import    { payInvoice as Mutation_payInvoice } from './funding/resolvers/Mutation/payInvoice.js';
import    { planCampaignMeeting as Mutation_planCampaignMeeting } from './campaigns/resolvers/Mutation/planCampaignMeeting.js';
import    { planWorktableMeeting as Mutation_planWorktableMeeting } from './trainings/resolvers/Mutation/planWorktableMeeting.js';
import    { proposeJudgement as Mutation_proposeJudgement } from './funding/resolvers/Mutation/proposeJudgement.js';
import    { publishResult as Mutation_publishResult } from './campaigns/resolvers/Mutation/publishResult.js';
import    { recordAttendance as Mutation_recordAttendance } from './trainings/resolvers/Mutation/recordAttendance.js';
import    { recordCoFinancing as Mutation_recordCoFinancing } from './funding/resolvers/Mutation/recordCoFinancing.js';
import    { recordCommunicationFigure as Mutation_recordCommunicationFigure } from './trainings/resolvers/Mutation/recordCommunicationFigure.js';
import    { recordLearningSession as Mutation_recordLearningSession } from './labolokaal/resolvers/Mutation/recordLearningSession.js';
import    { recordOverheadCost as Mutation_recordOverheadCost } from './funding/resolvers/Mutation/recordOverheadCost.js';
import    { recordPitch as Mutation_recordPitch } from './campaigns/resolvers/Mutation/recordPitch.js';
import    { recordTieDecision as Mutation_recordTieDecision } from './campaigns/resolvers/Mutation/recordTieDecision.js';
import    { recordWorktableMeetingHeld as Mutation_recordWorktableMeetingHeld } from './trainings/resolvers/Mutation/recordWorktableMeetingHeld.js';
import    { redeliverWebhook as Mutation_redeliverWebhook } from './partners/resolvers/Mutation/redeliverWebhook.js';
import    { refuseJudgement as Mutation_refuseJudgement } from './funding/resolvers/Mutation/refuseJudgement.js';
import    { registerAsMentor as Mutation_registerAsMentor } from './mentoring/resolvers/Mutation/registerAsMentor.js';
import    { rejectInvoice as Mutation_rejectInvoice } from './funding/resolvers/Mutation/rejectInvoice.js';
import    { removeCommitment as Mutation_removeCommitment } from './funding/resolvers/Mutation/removeCommitment.js';
import    { removeCommunicationFigure as Mutation_removeCommunicationFigure } from './trainings/resolvers/Mutation/removeCommunicationFigure.js';
import    { removeDocument as Mutation_removeDocument } from './labolokaal/resolvers/Mutation/removeDocument.js';
import    { removeReply as Mutation_removeReply } from './labolokaal/resolvers/Mutation/removeReply.js';
import    { removeSteeringGroupMember as Mutation_removeSteeringGroupMember } from './campaigns/resolvers/Mutation/removeSteeringGroupMember.js';
import    { removeThread as Mutation_removeThread } from './labolokaal/resolvers/Mutation/removeThread.js';
import    { reopenCommitment as Mutation_reopenCommitment } from './funding/resolvers/Mutation/reopenCommitment.js';
import    { reopenFundingAgreement as Mutation_reopenFundingAgreement } from './funding/resolvers/Mutation/reopenFundingAgreement.js';
import    { replayWebhookEvents as Mutation_replayWebhookEvents } from './partners/resolvers/Mutation/replayWebhookEvents.js';
import    { replyToThread as Mutation_replyToThread } from './labolokaal/resolvers/Mutation/replyToThread.js';
import    { requestDocumentUpload as Mutation_requestDocumentUpload } from './labolokaal/resolvers/Mutation/requestDocumentUpload.js';
import    { requestProfilePhotoUpload as Mutation_requestProfilePhotoUpload } from './labolokaal/resolvers/Mutation/requestProfilePhotoUpload.js';
import    { resumeWebhookSubscription as Mutation_resumeWebhookSubscription } from './partners/resolvers/Mutation/resumeWebhookSubscription.js';
import    { reverseCoFinancingEntry as Mutation_reverseCoFinancingEntry } from './funding/resolvers/Mutation/reverseCoFinancingEntry.js';
import    { reverseOverheadCost as Mutation_reverseOverheadCost } from './funding/resolvers/Mutation/reverseOverheadCost.js';
import    { reviewApplication as Mutation_reviewApplication } from './labolokaal/resolvers/Mutation/reviewApplication.js';
import    { revokeApiKey as Mutation_revokeApiKey } from './partners/resolvers/Mutation/revokeApiKey.js';
import    { rotateApiKey as Mutation_rotateApiKey } from './partners/resolvers/Mutation/rotateApiKey.js';
import    { rotateWebhookSecret as Mutation_rotateWebhookSecret } from './partners/resolvers/Mutation/rotateWebhookSecret.js';
import    { sendTestWebhookEvent as Mutation_sendTestWebhookEvent } from './partners/resolvers/Mutation/sendTestWebhookEvent.js';
import    { sendWorktableMaterial as Mutation_sendWorktableMaterial } from './trainings/resolvers/Mutation/sendWorktableMaterial.js';
import    { setFundingTerms as Mutation_setFundingTerms } from './funding/resolvers/Mutation/setFundingTerms.js';
import    { setStrategicGoal as Mutation_setStrategicGoal } from './programmes/resolvers/Mutation/setStrategicGoal.js';
import    { startThread as Mutation_startThread } from './labolokaal/resolvers/Mutation/startThread.js';
import    { submitFinalReport as Mutation_submitFinalReport } from './labolokaal/resolvers/Mutation/submitFinalReport.js';
import    { submitInvoice as Mutation_submitInvoice } from './funding/resolvers/Mutation/submitInvoice.js';
import    { updateAction as Mutation_updateAction } from './funding/resolvers/Mutation/updateAction.js';
import    { updateBoard as Mutation_updateBoard } from './boards/resolvers/Mutation/updateBoard.js';
import    { updateCampaign as Mutation_updateCampaign } from './campaigns/resolvers/Mutation/updateCampaign.js';
import    { updateCampaignApplication as Mutation_updateCampaignApplication } from './campaigns/resolvers/Mutation/updateCampaignApplication.js';
import    { updateCampaignResult as Mutation_updateCampaignResult } from './campaigns/resolvers/Mutation/updateCampaignResult.js';
import    { updateCommitment as Mutation_updateCommitment } from './funding/resolvers/Mutation/updateCommitment.js';
import    { updateCommunicationFigure as Mutation_updateCommunicationFigure } from './trainings/resolvers/Mutation/updateCommunicationFigure.js';
import    { updateEmployee as Mutation_updateEmployee } from './trainings/resolvers/Mutation/updateEmployee.js';
import    { updateFundingAgreement as Mutation_updateFundingAgreement } from './funding/resolvers/Mutation/updateFundingAgreement.js';
import    { updateLearningTool as Mutation_updateLearningTool } from './trainings/resolvers/Mutation/updateLearningTool.js';
import    { updateMentoringProject as Mutation_updateMentoringProject } from './mentoring/resolvers/Mutation/updateMentoringProject.js';
import    { updateOrganisation as Mutation_updateOrganisation } from './organisations/resolvers/Mutation/updateOrganisation.js';
import    { updateProfession as Mutation_updateProfession } from './trainings/resolvers/Mutation/updateProfession.js';
import    { updateProfile as Mutation_updateProfile } from './labolokaal/resolvers/Mutation/updateProfile.js';
import    { updateProgrammePhase as Mutation_updateProgrammePhase } from './programmes/resolvers/Mutation/updateProgrammePhase.js';
import    { updateTrack as Mutation_updateTrack } from './funding/resolvers/Mutation/updateTrack.js';
import    { updateTraining as Mutation_updateTraining } from './trainings/resolvers/Mutation/updateTraining.js';
import    { updateTrainingSession as Mutation_updateTrainingSession } from './trainings/resolvers/Mutation/updateTrainingSession.js';
import    { updateTrajectory as Mutation_updateTrajectory } from './trainings/resolvers/Mutation/updateTrajectory.js';
import    { updateTrajectorySession as Mutation_updateTrajectorySession } from './trainings/resolvers/Mutation/updateTrajectorySession.js';
import    { updateWebhookSubscription as Mutation_updateWebhookSubscription } from './partners/resolvers/Mutation/updateWebhookSubscription.js';
import    { updateWorktableGroup as Mutation_updateWorktableGroup } from './trainings/resolvers/Mutation/updateWorktableGroup.js';
import    { updateWorktableMeeting as Mutation_updateWorktableMeeting } from './trainings/resolvers/Mutation/updateWorktableMeeting.js';
import    { withdrawFromTrajectory as Mutation_withdrawFromTrajectory } from './trainings/resolvers/Mutation/withdrawFromTrajectory.js';
import    { withdrawMentorRegistration as Mutation_withdrawMentorRegistration } from './mentoring/resolvers/Mutation/withdrawMentorRegistration.js';
import    { boardChanged as Subscription_boardChanged } from './boards/resolvers/Subscription/boardChanged.js';
import    { campaignResultChanged as Subscription_campaignResultChanged } from './partners/resolvers/Subscription/campaignResultChanged.js';
import    { campaignResultPublished as Subscription_campaignResultPublished } from './partners/resolvers/Subscription/campaignResultPublished.js';
import    { Action } from './funding/resolvers/Action.js';
import    { AgreementClosing } from './funding/resolvers/AgreementClosing.js';
import    { ApiKey } from './partners/resolvers/ApiKey.js';
import    { ApiKeyConnection } from './partners/resolvers/ApiKeyConnection.js';
import    { AuditEntry } from './audit/resolvers/AuditEntry.js';
import    { AuditEntryConnection } from './audit/resolvers/AuditEntryConnection.js';
import    { Ballot } from './campaigns/resolvers/Ballot.js';
import    { Board as boards_Board } from './boards/resolvers/Board.js';
import    { Board as trainings_Board } from './trainings/resolvers/Board.js';
import    { BoardConnection } from './boards/resolvers/BoardConnection.js';
import    { Budget } from './funding/resolvers/Budget.js';
import    { CallApplication } from './labolokaal/resolvers/CallApplication.js';
import    { Campaign } from './campaigns/resolvers/Campaign.js';
import    { CampaignApplication } from './campaigns/resolvers/CampaignApplication.js';
import    { CampaignApplicationConnection } from './campaigns/resolvers/CampaignApplicationConnection.js';
import    { CampaignConnection } from './campaigns/resolvers/CampaignConnection.js';
import    { CampaignMeeting } from './campaigns/resolvers/CampaignMeeting.js';
import    { CampaignResult } from './campaigns/resolvers/CampaignResult.js';
import    { CampaignResultConnection } from './campaigns/resolvers/CampaignResultConnection.js';
import    { CampaignTrajectory } from './campaigns/resolvers/CampaignTrajectory.js';
import    { Charter } from './mentoring/resolvers/Charter.js';
import    { CharterEvent } from './mentoring/resolvers/CharterEvent.js';
import    { CoFinancing } from './funding/resolvers/CoFinancing.js';
import    { CoFinancingEntry } from './funding/resolvers/CoFinancingEntry.js';
import    { CoFinancingEntryConnection } from './funding/resolvers/CoFinancingEntryConnection.js';
import    { Commitment } from './funding/resolvers/Commitment.js';
import    { CommunicationFigure } from './trainings/resolvers/CommunicationFigure.js';
import    { CommunicationFigureConnection } from './trainings/resolvers/CommunicationFigureConnection.js';
import    { CommunicationReach } from './trainings/resolvers/CommunicationReach.js';
import    { ContactQuestion } from './labolokaal/resolvers/ContactQuestion.js';
import    { ContactQuestionConnection } from './labolokaal/resolvers/ContactQuestionConnection.js';
import    { Document } from './labolokaal/resolvers/Document.js';
import    { DocumentConnection } from './labolokaal/resolvers/DocumentConnection.js';
import    { Employee } from './trainings/resolvers/Employee.js';
import    { EmployeeConnection } from './trainings/resolvers/EmployeeConnection.js';
import    { Enrolment } from './trainings/resolvers/Enrolment.js';
import    { FinalReport } from './labolokaal/resolvers/FinalReport.js';
import    { ForumReply } from './labolokaal/resolvers/ForumReply.js';
import    { ForumReplyConnection } from './labolokaal/resolvers/ForumReplyConnection.js';
import    { ForumThread } from './labolokaal/resolvers/ForumThread.js';
import    { ForumThreadConnection } from './labolokaal/resolvers/ForumThreadConnection.js';
import    { FundingAgreement } from './funding/resolvers/FundingAgreement.js';
import    { FundingAgreementConnection } from './funding/resolvers/FundingAgreementConnection.js';
import    { Invoice } from './funding/resolvers/Invoice.js';
import    { InvoiceConnection } from './funding/resolvers/InvoiceConnection.js';
import    { InvoiceTransition } from './funding/resolvers/InvoiceTransition.js';
import    { JudgementProposal } from './funding/resolvers/JudgementProposal.js';
import    { JudgementStep } from './funding/resolvers/JudgementStep.js';
import    { LearningSession } from './labolokaal/resolvers/LearningSession.js';
import    { LearningTool } from './trainings/resolvers/LearningTool.js';
import    { LearningToolConnection } from './trainings/resolvers/LearningToolConnection.js';
import    { Measure } from './funding/resolvers/Measure.js';
import    { MeasuredTarget } from './funding/resolvers/MeasuredTarget.js';
import    { MentorRegistration } from './mentoring/resolvers/MentorRegistration.js';
import    { MentorRegistrationConnection } from './mentoring/resolvers/MentorRegistrationConnection.js';
import    { MentorRegistrationReceipt } from './mentoring/resolvers/MentorRegistrationReceipt.js';
import    { MentoringActivity } from './mentoring/resolvers/MentoringActivity.js';
import    { MentoringActivityConnection } from './mentoring/resolvers/MentoringActivityConnection.js';
import    { MentoringMatch } from './mentoring/resolvers/MentoringMatch.js';
import    { MentoringProject } from './mentoring/resolvers/MentoringProject.js';
import    { MentoringProjectConnection } from './mentoring/resolvers/MentoringProjectConnection.js';
import    { Metric } from './funding/resolvers/Metric.js';
import    { OnTheJobTraining } from './mentoring/resolvers/OnTheJobTraining.js';
import    { OnTheJobTrainingConnection } from './mentoring/resolvers/OnTheJobTrainingConnection.js';
import    { Organisation } from './organisations/resolvers/Organisation.js';
import    { OrganisationConnection } from './organisations/resolvers/OrganisationConnection.js';
import    { Overhead } from './funding/resolvers/Overhead.js';
import    { OverheadCost } from './funding/resolvers/OverheadCost.js';
import    { OverheadCostConnection } from './funding/resolvers/OverheadCostConnection.js';
import    { ParticipantProfile } from './labolokaal/resolvers/ParticipantProfile.js';
import    { Pitch } from './campaigns/resolvers/Pitch.js';
import    { PitchOption } from './campaigns/resolvers/PitchOption.js';
import    { Profession } from './trainings/resolvers/Profession.js';
import    { ProfessionConnection } from './trainings/resolvers/ProfessionConnection.js';
import    { Programme } from './programmes/resolvers/Programme.js';
import    { ProgrammeMilestone } from './programmes/resolvers/ProgrammeMilestone.js';
import    { ProgrammePhase } from './programmes/resolvers/ProgrammePhase.js';
import    { ProgrammeProject } from './programmes/resolvers/ProgrammeProject.js';
import    { ProgrammeSteeringGroup } from './programmes/resolvers/ProgrammeSteeringGroup.js';
import    { ProgrammeVision } from './programmes/resolvers/ProgrammeVision.js';
import    { Project } from './labolokaal/resolvers/Project.js';
import    { ProjectCall } from './labolokaal/resolvers/ProjectCall.js';
import    { ProjectCallConnection } from './labolokaal/resolvers/ProjectCallConnection.js';
import    { ProposedBoard } from './campaigns/resolvers/ProposedBoard.js';
import    { QualitativeTarget } from './funding/resolvers/QualitativeTarget.js';
import    { Reach } from './trainings/resolvers/Reach.js';
import    { SelectionProposal } from './campaigns/resolvers/SelectionProposal.js';
import    { Settlement } from './funding/resolvers/Settlement.js';
import    { SteeringGroupMember } from './campaigns/resolvers/SteeringGroupMember.js';
import    { StrategicGoal } from './programmes/resolvers/StrategicGoal.js';
import    { StrategicGoals } from './programmes/resolvers/StrategicGoals.js';
import    { Theme } from './labolokaal/resolvers/Theme.js';
import    { ThemeSpace } from './labolokaal/resolvers/ThemeSpace.js';
import    { TieDecision } from './campaigns/resolvers/TieDecision.js';
import    { Track } from './funding/resolvers/Track.js';
import    { Training } from './trainings/resolvers/Training.js';
import    { TrainingConnection } from './trainings/resolvers/TrainingConnection.js';
import    { TrainingSession } from './trainings/resolvers/TrainingSession.js';
import    { TrainingSessionConnection } from './trainings/resolvers/TrainingSessionConnection.js';
import    { Trajectory } from './trainings/resolvers/Trajectory.js';
import    { TrajectoryConnection } from './trainings/resolvers/TrajectoryConnection.js';
import    { TrajectoryParticipation } from './trainings/resolvers/TrajectoryParticipation.js';
import    { TrajectoryParticipationConnection } from './trainings/resolvers/TrajectoryParticipationConnection.js';
import    { TrajectorySession } from './trainings/resolvers/TrajectorySession.js';
import    { TrajectorySessionConnection } from './trainings/resolvers/TrajectorySessionConnection.js';
import    { Viewer } from './base/resolvers/Viewer.js';
import    { WebhookAttempt } from './partners/resolvers/WebhookAttempt.js';
import    { WebhookDelivery } from './partners/resolvers/WebhookDelivery.js';
import    { WebhookDeliveryConnection } from './partners/resolvers/WebhookDeliveryConnection.js';
import    { WebhookSubscription } from './partners/resolvers/WebhookSubscription.js';
import    { WebhookSubscriptionConnection } from './partners/resolvers/WebhookSubscriptionConnection.js';
import    { WorktableGroup } from './trainings/resolvers/WorktableGroup.js';
import    { WorktableGroupConnection } from './trainings/resolvers/WorktableGroupConnection.js';
import    { WorktableMeeting } from './trainings/resolvers/WorktableMeeting.js';
import    { WorktableMeetingConnection } from './trainings/resolvers/WorktableMeetingConnection.js';
import    { WorktableTally } from './trainings/resolvers/WorktableTally.js';
import    { DateTimeResolver,JSONResolver,LocalDateResolver,SafeIntResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { apiKeys: Query_apiKeys,auditLog: Query_auditLog,board: Query_board,boards: Query_boards,campaignResults: Query_campaignResults,campaigns: Query_campaigns,charters: Query_charters,communicationFigures: Query_communicationFigures,communicationReach: Query_communicationReach,contactQuestions: Query_contactQuestions,employees: Query_employees,fundingAgreement: Query_fundingAgreement,fundingAgreements: Query_fundingAgreements,learningTools: Query_learningTools,mentoringMatches: Query_mentoringMatches,mentoringProjects: Query_mentoringProjects,myProfile: Query_myProfile,node: Query_node,nodes: Query_nodes,onTheJobTrainings: Query_onTheJobTrainings,organisation: Query_organisation,organisations: Query_organisations,professions: Query_professions,programme: Query_programme,programmes: Query_programmes,projectCalls: Query_projectCalls,projects: Query_projects,publishedCampaignResults: Query_publishedCampaignResults,publishedLearningTools: Query_publishedLearningTools,publishedProfessions: Query_publishedProfessions,reach: Query_reach,selectionProposal: Query_selectionProposal,themes: Query_themes,training: Query_training,trainingSessions: Query_trainingSessions,trainings: Query_trainings,trajectories: Query_trajectories,trajectory: Query_trajectory,viewer: Query_viewer,webhookDeliveries: Query_webhookDeliveries,webhookSubscriptions: Query_webhookSubscriptions,worktableGroups: Query_worktableGroups,worktableMeetings: Query_worktableMeetings,worktableMeetingsHeld: Query_worktableMeetingsHeld },
      Mutation: { acceptJudgement: Mutation_acceptJudgement,addAction: Mutation_addAction,addCommitment: Mutation_addCommitment,addSteeringGroupMember: Mutation_addSteeringGroupMember,addTrack: Mutation_addTrack,answerQuestion: Mutation_answerQuestion,applyToCall: Mutation_applyToCall,applyToCampaign: Mutation_applyToCampaign,approveInvoice: Mutation_approveInvoice,askQuestion: Mutation_askQuestion,cancelEnrolment: Mutation_cancelEnrolment,cancelWorktableMeeting: Mutation_cancelWorktableMeeting,castBallot: Mutation_castBallot,closeFundingAgreement: Mutation_closeFundingAgreement,closeVote: Mutation_closeVote,confirmDocumentUpload: Mutation_confirmDocumentUpload,confirmMentorEmail: Mutation_confirmMentorEmail,confirmProfilePhotoUpload: Mutation_confirmProfilePhotoUpload,confirmSelection: Mutation_confirmSelection,createApiKey: Mutation_createApiKey,createBoard: Mutation_createBoard,createCampaign: Mutation_createCampaign,createCampaignResult: Mutation_createCampaignResult,createEmployee: Mutation_createEmployee,createFundingAgreement: Mutation_createFundingAgreement,createLearningTool: Mutation_createLearningTool,createMentoringProject: Mutation_createMentoringProject,createOnTheJobTraining: Mutation_createOnTheJobTraining,createOrganisation: Mutation_createOrganisation,createProfession: Mutation_createProfession,createTheme: Mutation_createTheme,createTraining: Mutation_createTraining,createTrainingSession: Mutation_createTrainingSession,createTrajectory: Mutation_createTrajectory,createTrajectorySession: Mutation_createTrajectorySession,createWebhookSubscription: Mutation_createWebhookSubscription,createWorktableGroup: Mutation_createWorktableGroup,decideApplication: Mutation_decideApplication,decideMentorRegistration: Mutation_decideMentorRegistration,deleteWebhookSubscription: Mutation_deleteWebhookSubscription,editReply: Mutation_editReply,editThread: Mutation_editThread,enrol: Mutation_enrol,forgetEmployee: Mutation_forgetEmployee,joinTrajectory: Mutation_joinTrajectory,logMentoringActivity: Mutation_logMentoringActivity,openProjectCall: Mutation_openProjectCall,pauseWebhookSubscription: Mutation_pauseWebhookSubscription,payInvoice: Mutation_payInvoice,planCampaignMeeting: Mutation_planCampaignMeeting,planWorktableMeeting: Mutation_planWorktableMeeting,proposeJudgement: Mutation_proposeJudgement,publishResult: Mutation_publishResult,recordAttendance: Mutation_recordAttendance,recordCoFinancing: Mutation_recordCoFinancing,recordCommunicationFigure: Mutation_recordCommunicationFigure,recordLearningSession: Mutation_recordLearningSession,recordOverheadCost: Mutation_recordOverheadCost,recordPitch: Mutation_recordPitch,recordTieDecision: Mutation_recordTieDecision,recordWorktableMeetingHeld: Mutation_recordWorktableMeetingHeld,redeliverWebhook: Mutation_redeliverWebhook,refuseJudgement: Mutation_refuseJudgement,registerAsMentor: Mutation_registerAsMentor,rejectInvoice: Mutation_rejectInvoice,removeCommitment: Mutation_removeCommitment,removeCommunicationFigure: Mutation_removeCommunicationFigure,removeDocument: Mutation_removeDocument,removeReply: Mutation_removeReply,removeSteeringGroupMember: Mutation_removeSteeringGroupMember,removeThread: Mutation_removeThread,reopenCommitment: Mutation_reopenCommitment,reopenFundingAgreement: Mutation_reopenFundingAgreement,replayWebhookEvents: Mutation_replayWebhookEvents,replyToThread: Mutation_replyToThread,requestDocumentUpload: Mutation_requestDocumentUpload,requestProfilePhotoUpload: Mutation_requestProfilePhotoUpload,resumeWebhookSubscription: Mutation_resumeWebhookSubscription,reverseCoFinancingEntry: Mutation_reverseCoFinancingEntry,reverseOverheadCost: Mutation_reverseOverheadCost,reviewApplication: Mutation_reviewApplication,revokeApiKey: Mutation_revokeApiKey,rotateApiKey: Mutation_rotateApiKey,rotateWebhookSecret: Mutation_rotateWebhookSecret,sendTestWebhookEvent: Mutation_sendTestWebhookEvent,sendWorktableMaterial: Mutation_sendWorktableMaterial,setFundingTerms: Mutation_setFundingTerms,setStrategicGoal: Mutation_setStrategicGoal,startThread: Mutation_startThread,submitFinalReport: Mutation_submitFinalReport,submitInvoice: Mutation_submitInvoice,updateAction: Mutation_updateAction,updateBoard: Mutation_updateBoard,updateCampaign: Mutation_updateCampaign,updateCampaignApplication: Mutation_updateCampaignApplication,updateCampaignResult: Mutation_updateCampaignResult,updateCommitment: Mutation_updateCommitment,updateCommunicationFigure: Mutation_updateCommunicationFigure,updateEmployee: Mutation_updateEmployee,updateFundingAgreement: Mutation_updateFundingAgreement,updateLearningTool: Mutation_updateLearningTool,updateMentoringProject: Mutation_updateMentoringProject,updateOrganisation: Mutation_updateOrganisation,updateProfession: Mutation_updateProfession,updateProfile: Mutation_updateProfile,updateProgrammePhase: Mutation_updateProgrammePhase,updateTrack: Mutation_updateTrack,updateTraining: Mutation_updateTraining,updateTrainingSession: Mutation_updateTrainingSession,updateTrajectory: Mutation_updateTrajectory,updateTrajectorySession: Mutation_updateTrajectorySession,updateWebhookSubscription: Mutation_updateWebhookSubscription,updateWorktableGroup: Mutation_updateWorktableGroup,updateWorktableMeeting: Mutation_updateWorktableMeeting,withdrawFromTrajectory: Mutation_withdrawFromTrajectory,withdrawMentorRegistration: Mutation_withdrawMentorRegistration },
      Subscription: { boardChanged: Subscription_boardChanged,campaignResultChanged: Subscription_campaignResultChanged,campaignResultPublished: Subscription_campaignResultPublished },
      Action: Action,
AgreementClosing: AgreementClosing,
ApiKey: ApiKey,
ApiKeyConnection: ApiKeyConnection,
AuditEntry: AuditEntry,
AuditEntryConnection: AuditEntryConnection,
Ballot: Ballot,
Board: { ...boards_Board,...trainings_Board },
BoardConnection: BoardConnection,
Budget: Budget,
CallApplication: CallApplication,
Campaign: Campaign,
CampaignApplication: CampaignApplication,
CampaignApplicationConnection: CampaignApplicationConnection,
CampaignConnection: CampaignConnection,
CampaignMeeting: CampaignMeeting,
CampaignResult: CampaignResult,
CampaignResultConnection: CampaignResultConnection,
CampaignTrajectory: CampaignTrajectory,
Charter: Charter,
CharterEvent: CharterEvent,
CoFinancing: CoFinancing,
CoFinancingEntry: CoFinancingEntry,
CoFinancingEntryConnection: CoFinancingEntryConnection,
Commitment: Commitment,
CommunicationFigure: CommunicationFigure,
CommunicationFigureConnection: CommunicationFigureConnection,
CommunicationReach: CommunicationReach,
ContactQuestion: ContactQuestion,
ContactQuestionConnection: ContactQuestionConnection,
Document: Document,
DocumentConnection: DocumentConnection,
Employee: Employee,
EmployeeConnection: EmployeeConnection,
Enrolment: Enrolment,
FinalReport: FinalReport,
ForumReply: ForumReply,
ForumReplyConnection: ForumReplyConnection,
ForumThread: ForumThread,
ForumThreadConnection: ForumThreadConnection,
FundingAgreement: FundingAgreement,
FundingAgreementConnection: FundingAgreementConnection,
Invoice: Invoice,
InvoiceConnection: InvoiceConnection,
InvoiceTransition: InvoiceTransition,
JudgementProposal: JudgementProposal,
JudgementStep: JudgementStep,
LearningSession: LearningSession,
LearningTool: LearningTool,
LearningToolConnection: LearningToolConnection,
Measure: Measure,
MeasuredTarget: MeasuredTarget,
MentorRegistration: MentorRegistration,
MentorRegistrationConnection: MentorRegistrationConnection,
MentorRegistrationReceipt: MentorRegistrationReceipt,
MentoringActivity: MentoringActivity,
MentoringActivityConnection: MentoringActivityConnection,
MentoringMatch: MentoringMatch,
MentoringProject: MentoringProject,
MentoringProjectConnection: MentoringProjectConnection,
Metric: Metric,
OnTheJobTraining: OnTheJobTraining,
OnTheJobTrainingConnection: OnTheJobTrainingConnection,
Organisation: Organisation,
OrganisationConnection: OrganisationConnection,
Overhead: Overhead,
OverheadCost: OverheadCost,
OverheadCostConnection: OverheadCostConnection,
ParticipantProfile: ParticipantProfile,
Pitch: Pitch,
PitchOption: PitchOption,
Profession: Profession,
ProfessionConnection: ProfessionConnection,
Programme: Programme,
ProgrammeMilestone: ProgrammeMilestone,
ProgrammePhase: ProgrammePhase,
ProgrammeProject: ProgrammeProject,
ProgrammeSteeringGroup: ProgrammeSteeringGroup,
ProgrammeVision: ProgrammeVision,
Project: Project,
ProjectCall: ProjectCall,
ProjectCallConnection: ProjectCallConnection,
ProposedBoard: ProposedBoard,
QualitativeTarget: QualitativeTarget,
Reach: Reach,
SelectionProposal: SelectionProposal,
Settlement: Settlement,
SteeringGroupMember: SteeringGroupMember,
StrategicGoal: StrategicGoal,
StrategicGoals: StrategicGoals,
Theme: Theme,
ThemeSpace: ThemeSpace,
TieDecision: TieDecision,
Track: Track,
Training: Training,
TrainingConnection: TrainingConnection,
TrainingSession: TrainingSession,
TrainingSessionConnection: TrainingSessionConnection,
Trajectory: Trajectory,
TrajectoryConnection: TrajectoryConnection,
TrajectoryParticipation: TrajectoryParticipation,
TrajectoryParticipationConnection: TrajectoryParticipationConnection,
TrajectorySession: TrajectorySession,
TrajectorySessionConnection: TrajectorySessionConnection,
Viewer: Viewer,
WebhookAttempt: WebhookAttempt,
WebhookDelivery: WebhookDelivery,
WebhookDeliveryConnection: WebhookDeliveryConnection,
WebhookSubscription: WebhookSubscription,
WebhookSubscriptionConnection: WebhookSubscriptionConnection,
WorktableGroup: WorktableGroup,
WorktableGroupConnection: WorktableGroupConnection,
WorktableMeeting: WorktableMeeting,
WorktableMeetingConnection: WorktableMeetingConnection,
WorktableTally: WorktableTally,
DateTime: DateTimeResolver,
JSON: JSONResolver,
LocalDate: LocalDateResolver,
SafeInt: SafeIntResolver
    }