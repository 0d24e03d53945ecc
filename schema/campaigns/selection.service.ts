// The selection: the proposal (the pure rule in selection.ts, on the campaign's scored
// applications; it writes nothing) and its confirmation, one transaction in which the selected
// boards get their trajectory and every other applicant joins the sounding board.
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { boards } from "../../db/schema/boards.js";
import { campaignApplications, campaignSteeringMembers, campaigns, campaignTrajectories } from "../../db/schema/campaigns.js";
import type { Board } from "../boards/boards.service.js";
import { change } from "../shared/changes.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { assertCan } from "../shared/policy.js";
import { expectGlobalId } from "../shared/relay.js";
import { optionalMultilineText } from "../shared/validation.js";
import { applicationChanged, selectionConfirmed } from "./campaigns.events.js";
import type { CampaignApplicationMapper, CampaignMapper, CampaignTrajectoryMapper } from "./campaigns.mappers.js";
import { campaignManage } from "./campaigns.policy.js";
import { campaignLoader, campaignTheme, lockCampaign } from "./campaigns.service.js";
import { type Candidate, populationClass, proposeSelection, type SelectionProposalView } from "./selection.js";

// ---------------------------------------------------------------------------------------------
// The proposal

export const selectionProposal = fn(
  z.object({ campaignId: z.string(), size: z.number().int().nullish() }),
  async (ctx, input): Promise<SelectionProposalView> => {
    await assertCan(ctx, campaignManage, undefined);
    const campaignId = expectGlobalId(input.campaignId, "Campaign", "campaignId");
    const campaign = await campaignLoader(ctx).load(campaignId);
    if (!campaign) throw notFound("Campaign", "campaignId");
    const rows = await ctx.db
      .select({ application: campaignApplications, board: boards })
      .from(campaignApplications)
      .innerJoin(boards, eq(boards.id, campaignApplications.boardId))
      .where(eq(campaignApplications.campaignId, campaignId));
    const scored = rows.filter((r) => r.application.motivationScore != null && r.application.maturityScore != null);
    const size = input.size ?? campaign.selectionSize;
    if (size < 1 || size > scored.length)
      throw badInput("size", scored.length === 0 ? "cannot be met: no application is scored yet" : `must be from 1 to ${scored.length}, the number of scored applications`);
    const candidates = scored.map(({ application, board }): Candidate & { application: CampaignApplicationMapper } => ({
      id: application.id,
      boardId: board.id,
      boardName: board.name,
      province: board.province,
      population: board.population,
      belfiusCluster: board.belfiusCluster,
      motivation: application.motivationScore!,
      maturity: application.maturityScore!,
      application,
    }));
    const proposal = proposeSelection(candidates, size);
    return {
      campaign,
      size,
      diversity: proposal.diversity,
      regions: proposal.regions,
      populationClasses: proposal.populationClasses,
      belfiusClusters: proposal.belfiusClusters,
      score: proposal.score,
      boards: proposal.chosen.map((c) => ({
        application: c.application,
        populationClass: populationClass(c.population),
        score: c.motivation + c.maturity,
        reasons: proposal.reasons.get(c.id) ?? [],
      })),
      consideredApplications: scored.length,
      unscoredApplications: rows.length - scored.length,
      optimal: proposal.optimal,
    };
  },
  { authorize: campaignManage },
);

// ---------------------------------------------------------------------------------------------
// Confirming it

const confirmInput = z.object({
  campaignId: z.string(),
  selections: z
    .array(z.object({ applicationId: z.string(), theme: z.string().max(200, "must be at most 100 characters"), focus: optionalMultilineText(2000) }))
    .max(50, "must name at most 50 boards"),
});

export interface ConfirmedSelection {
  campaign: CampaignMapper;
  selected: CampaignTrajectoryMapper[];
  soundingBoard: Board[];
}

export const confirmSelection = fn(
  confirmInput,
  async (ctx, input): Promise<ConfirmedSelection> => {
    const campaignId = expectGlobalId(input.campaignId, "Campaign", "input.campaignId");
    const chosenIds = input.selections.map((s, i) => expectGlobalId(s.applicationId, "CampaignApplication", `input.selections.${i}.applicationId`));
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, campaignManage, undefined);
      // First the campaign's row, for update: a second confirmation waits here and then sees the first.
      const before = await lockCampaign(tx, campaignId, "input.campaignId");
      if (before.selectionConfirmedAt) throw conflict("input.campaignId", "The campaign's selection is already confirmed");
      if (input.selections.length !== before.selectionSize) throw badInput("input.selections", `must name exactly ${before.selectionSize} boards, the campaign's selection size`);
      const applications = await tx.select().from(campaignApplications).where(eq(campaignApplications.campaignId, campaignId)).for("update");
      const byId = new Map(applications.map((a) => [a.id, a]));
      const steeringBoards = new Set(
        (await tx.select({ boardId: campaignSteeringMembers.boardId }).from(campaignSteeringMembers).where(eq(campaignSteeringMembers.campaignId, campaignId))).flatMap((m) =>
          m.boardId ? [m.boardId] : [],
        ),
      );
      const themes: string[] = [];
      for (const [i, selection] of input.selections.entries()) {
        const application = byId.get(chosenIds[i]!);
        if (!application) throw badInput(`input.selections.${i}.applicationId`, "is not an application to this campaign");
        if (chosenIds.indexOf(chosenIds[i]!) !== i) throw badInput(`input.selections.${i}.applicationId`, "names an application already selected");
        if (steeringBoards.has(application.boardId))
          throw badInput(`input.selections.${i}.applicationId`, "is the application of a board on the steering group: the selected boards are not on the steering group");
        const theme = campaignTheme(before, selection.theme);
        if (!theme) throw badInput(`input.selections.${i}.theme`, "is not one of the campaign's themes");
        themes.push(theme);
      }

      const chosen = new Set(chosenIds);
      const changed: { before: CampaignApplicationMapper; after: CampaignApplicationMapper }[] = [];
      for (const [i, id] of chosenIds.entries()) {
        const [after] = await tx.update(campaignApplications).set({ status: "SELECTED", theme: themes[i]! }).where(eq(campaignApplications.id, id)).returning();
        changed.push({ before: byId.get(id)!, after: after! });
      }
      const others = applications.filter((a) => !chosen.has(a.id));
      if (others.length > 0) {
        const updated = await tx
          .update(campaignApplications)
          .set({ status: "SOUNDING_BOARD", theme: null })
          .where(
            inArray(
              campaignApplications.id,
              others.map((a) => a.id),
            ),
          )
          .returning();
        for (const after of updated) changed.push({ before: byId.get(after.id)!, after });
      }
      const trajectories = await tx
        .insert(campaignTrajectories)
        .values(
          input.selections.map((s, i) => ({
            campaignId,
            applicationId: chosenIds[i]!,
            boardId: byId.get(chosenIds[i]!)!.boardId,
            theme: themes[i]!,
            partnerId: before.partnerId,
            focus: s.focus ?? null,
          })),
        )
        .returning();
      const [after] = await tx.update(campaigns).set({ selectionConfirmedAt: new Date() }).where(eq(campaigns.id, campaignId)).returning();
      if (!after) throw notFound("Campaign", "input.campaignId");

      await recorder.record({ operation: "confirmSelection", entityType: "Campaign", entityId: campaignId, before, after });
      for (const c of changed) {
        await recorder.record({ operation: "confirmSelection", entityType: "CampaignApplication", entityId: c.after.id, before: c.before, after: c.after });
        await recorder.emit(applicationChanged, c.after.id, {
          applicationId: c.after.id,
          campaignId,
          boardId: c.after.boardId,
          status: c.after.status,
          operation: "UPDATED" as const,
        });
      }
      for (const t of trajectories) await recorder.record({ operation: "confirmSelection", entityType: "CampaignTrajectory", entityId: t.id, before: null, after: t });
      await recorder.emit(selectionConfirmed, campaignId, {
        campaignId,
        selectedBoardIds: trajectories.map((t) => t.boardId),
        soundingBoardSize: others.length,
      });

      // The answer, by board name, as Campaign.selectedBoards and Campaign.soundingBoard give it.
      const named = await tx
        .select()
        .from(boards)
        .where(
          inArray(
            boards.id,
            applications.map((a) => a.boardId),
          ),
        )
        .orderBy(asc(boards.name), asc(boards.id));
      const rank = new Map(named.map((b, i) => [b.id, i]));
      const soundingIds = new Set(others.map((a) => a.boardId));
      return {
        campaign: after,
        selected: [...trajectories].sort((a, b) => rank.get(a.boardId)! - rank.get(b.boardId)!),
        soundingBoard: named.filter((b) => soundingIds.has(b.id)),
      };
    });
  },
  { argument: "input", authorize: campaignManage },
);
