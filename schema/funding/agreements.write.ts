// PLACEHOLDER (being written): entering and editing agreements, their tracks, actions and commitments.
import type { Context } from "../shared/context.js";
import type { Action, Agreement, Commitment, Track } from "./agreements.service.js";

const pending = (name: string): never => {
  throw new Error(`${name} is not built yet`);
};
export const createAgreement = async (_ctx: Context, _input: unknown): Promise<Agreement> => pending("createAgreement");
export const updateAgreement = async (_ctx: Context, _input: unknown): Promise<Agreement> => pending("updateAgreement");
export const setFundingTerms = async (_ctx: Context, _input: unknown): Promise<Agreement> => pending("setFundingTerms");
export const addTrack = async (_ctx: Context, _input: unknown): Promise<Track> => pending("addTrack");
export const updateTrack = async (_ctx: Context, _input: unknown): Promise<Track> => pending("updateTrack");
export const addAction = async (_ctx: Context, _input: unknown): Promise<Action> => pending("addAction");
export const updateAction = async (_ctx: Context, _input: unknown): Promise<Action> => pending("updateAction");
export const addCommitment = async (_ctx: Context, _input: unknown): Promise<Commitment> => pending("addCommitment");
export const updateCommitment = async (_ctx: Context, _input: unknown): Promise<Commitment> => pending("updateCommitment");
export const removeCommitment = async (_ctx: Context, _input: { id: string }): Promise<{ removedCommitmentId: string; agreement: Agreement }> => pending("removeCommitment");
