// Types of infra/lambda-plugins.mjs (plain JavaScript, as SST loads it with node).
import type { Plugin } from "esbuild";

export function lambdaStubs(): Plugin;
declare const plugins: Plugin[];
export default plugins;
