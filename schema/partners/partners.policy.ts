// Who may manage a partner organisation's access from outside: its API keys and its webhooks.
// Admins manage every organisation's; a partner their own organisation's. A partner signed in
// with an API key may manage webhooks but not keys: a leaked key must not be able to mint the
// key that outlives its revocation.
import { type ActorOf, definePolicy } from "../shared/policy.js";

/** What the rules look at: the organisation whose keys or webhooks they are. */
export interface OrganisationScope {
  organisationId: string;
}

export const apiKeyManage = definePolicy<OrganisationScope>(
  "apiKey.manage",
  "Make, rotate, revoke or list an organisation's API keys",
  {
    ADMIN: true,
    PARTNER: {
      describe: "the organisation is their own and they signed in with a token, not an API key",
      when: (actor: ActorOf<"PARTNER">, r: OrganisationScope) => actor.organisationId === r.organisationId && !actor.apiKeyId,
    },
  },
  "Only admins and the organisation's own partners (signed in with a token) manage its API keys",
);

export const webhookManage = definePolicy<OrganisationScope>(
  "webhook.manage",
  "Subscribe an organisation to webhooks, change, pause or delete them, and see their deliveries",
  {
    ADMIN: true,
    PARTNER: { describe: "the organisation is their own", when: (actor: ActorOf<"PARTNER">, r: OrganisationScope) => actor.organisationId === r.organisationId },
  },
  "Only admins and the organisation's own partners manage its webhooks",
);

/**
 * Following every change of campaign results (Subscription.campaignResultChanged) is for those
 * signed in: each event then reaches the subscriber only if they may read its result when it
 * arrives (campaignResult.read), so in practice the campaign's circle, consultants and admins see
 * the stages before publication. Anyone may follow publications (campaignResultPublished).
 */
export const resultChangesFollow = definePolicy(
  "campaignResult.follow",
  "Follow every change of the campaign results one may read",
  { ADMIN: true, CONSULTANT: true, BOARD_MEMBER: true, EXPERT: true, PARTNER: true },
  "Sign in to follow the changes of campaign results",
);
