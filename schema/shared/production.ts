// What production keeps from a stranger mapping the schema, beyond introspection (refused by a
// validation rule in schema/server.ts): the "Did you mean ...?" that graphql-js appends to an
// unknown field, argument, type, enum value or input field, in validation errors and in
// variable coercion errors alike, which would hand out the schema's names one guess at a time.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

// graphql-js's didYouMean(): ` Did you mean "a", "b", or "c"?`, or `... the enum value "A"?`;
// quoted GraphQL names never hold a `?`.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export function withoutSuggestions<T extends GraphQLFormattedError>(error: T): T {
  const message = error.message.replace(SUGGESTION, "");
  return message === error.message ? error : { ...error, message };
}

/**
 * Removes suggestions from every error Apollo answers with (parsing, validation, coercion,
 * execution), after formatError. Apollo's own `hideSchemaDetailsFromClientErrors` covers
 * validation errors only, and a misspelt enum value in a variable would still be answered.
 */
export function hideSuggestionsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === "single" && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map(withoutSuggestions);
          }
        },
      };
    },
  };
}

/** The same for a GraphQLError, for a transport that sends GraphQLErrors itself (graphql-ws's onSubscribe). */
export function withoutSuggestionsError(error: GraphQLError): GraphQLError {
  const message = error.message.replace(SUGGESTION, "");
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}
