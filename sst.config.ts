// The SST app: its per-stage settings, and the order in which infra/ declares its resources.
// Resources live in infra/*.ts, imported inside run() because SST's globals exist only there.
/// <reference path="./infra/sst-globals.d.ts" />

export default $config({
  app(input) {
    const production = input.stage === "production";
    return {
      name: "talent-api",
      home: "aws",
      // Production keeps its resources and refuses `sst remove`; dev and pr-N stages are disposable.
      removal: production ? "retain" : "remove",
      protect: production,
      providers: { aws: { region: "eu-west-1" } },
    };
  },
  async run() {
    await import("./infra/secrets.js");
    const { migrator } = await import("./infra/database.js");
    const { storage } = await import("./infra/storage.js");
    const { api } = await import("./infra/api.js");
    const { apiCdn } = await import("./infra/cdn.js");
    const cdn = apiCdn(api.url);
    await import("./infra/webhooks.js");
    const { realtimeApi } = await import("./infra/realtime.js");
    return {
      api: api.url,
      graphql: $interpolate`${api.url}/graphql`,
      // Production's public address: the CDN in front of the API.
      ...(cdn ? { cdn: cdn.url, graphqlCdn: $interpolate`${cdn.url}/graphql` } : {}),
      migrator: migrator.name,
      realtime: realtimeApi.url,
      storage: storage.name,
    };
  },
});
