import { toGlobalId } from "../../shared/relay.js";
import type { CommunicationFigureResolvers } from "./../../types.generated.js";
import { viewerCanRecordFigures } from "../communication.service.js";

export const CommunicationFigure: CommunicationFigureResolvers = {
  id: (figure) => toGlobalId("CommunicationFigure", figure.id),
  start: (figure) => figure.periodStart,
  end: (figure) => figure.periodEnd,
  baseline: (figure) => figure.isBaseline,
  viewerCanUpdate: (_figure, _args, ctx) => viewerCanRecordFigures(ctx),
};
