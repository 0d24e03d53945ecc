// PLACEHOLDER (being written): the catalogue and its sessions.
import type { Context } from "../shared/context.js";
import type { Connection } from "../shared/relay.js";
import type { TrainingMapper as Training, TrainingSessionMapper as TrainingSession } from "./trainings.mappers.js";

const pending = (name: string): never => {
  throw new Error(`${name} is not built yet`);
};
export const findTraining = async (_ctx: Context, _id: string): Promise<Training | null> => pending("findTraining");
export const findTrainingSession = async (_ctx: Context, _id: string): Promise<TrainingSession | null> => pending("findTrainingSession");
export const listTrainings = async (_ctx: Context, _args: unknown): Promise<Connection<Training>> => pending("listTrainings");
export const listTrainingSessions = async (_ctx: Context, _args: unknown): Promise<Connection<TrainingSession>> => pending("listTrainingSessions");
export const createTraining = async (_ctx: Context, _input: unknown): Promise<Training> => pending("createTraining");
export const updateTraining = async (_ctx: Context, _input: unknown): Promise<Training> => pending("updateTraining");
export const createTrainingSession = async (_ctx: Context, _input: unknown): Promise<TrainingSession> => pending("createTrainingSession");
export const updateTrainingSession = async (_ctx: Context, _input: unknown): Promise<TrainingSession> => pending("updateTrainingSession");
