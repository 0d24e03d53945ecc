// The yardstick for the Lambda cold start: a bare Apollo Server with a one-field schema behind the
// same Lambda integration, bundled with the same options as ours (infra/lambda-build.ts). What our
// handler takes beyond this is what our schema, services and dependencies cost.
import { ApolloServer } from "@apollo/server";
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";

const server = new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "world" } } });

// The same cast as functions/graphql.ts: the integration's typings name Apollo's CommonJS classes.
export const handler = startServerAndCreateLambdaHandler(server as never, handlers.createAPIGatewayProxyEventV2RequestHandler());
