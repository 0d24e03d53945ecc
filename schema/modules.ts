// The one list of modules. A new module is its folder (with its descriptor, module.ts) plus
// one line here; node(id), downloads, metrics, events, policies, the authorization matrix and
// seeding all read this list. Order matters only for seeding: a module's seed may use the
// rows of the modules before it.
import { auditModule } from "./audit/module.js";
import { baseModule } from "./base/module.js";
import { boardsModule } from "./boards/module.js";
import { campaignsModule } from "./campaigns/module.js";
import { fundingModule } from "./funding/module.js";
import { laboLokaalModule } from "./labolokaal/module.js";
import { mentoringModule } from "./mentoring/module.js";
import { organisationsModule } from "./organisations/module.js";
import { partnersModule } from "./partners/module.js";
import { programmesModule } from "./programmes/module.js";
import { defineMetric, needMetric } from "./shared/metrics.js";
import type { ModuleDescriptor } from "./shared/module.js";
import { trainingsModule } from "./trainings/module.js";

export const modules: readonly ModuleDescriptor[] = [
  baseModule,
  organisationsModule,
  boardsModule,
  auditModule,
  fundingModule,
  trainingsModule,
  campaignsModule,
  partnersModule,
  laboLokaalModule,
  mentoringModule,
  programmesModule,
];

for (const module of modules) {
  for (const { source, breakdown, ...definition } of module.metrics?.defines ?? []) defineMetric({ ...definition, module: module.name }, source, breakdown);
  for (const need of module.metrics?.needs ?? []) needMetric(need);
}
