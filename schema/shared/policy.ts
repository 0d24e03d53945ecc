// One policy layer. Each module declares the actions it guards (`invoice.approve`,
// `board.update`, ...) and, per role, whether the role may perform them: always, or under an
// object-level rule about the resource (the board member of this board; a partner of this
// agreement's funder or beneficiary). Services ask `assertCan` before they act; resolvers
// expose `can` as `viewerCan...` fields; the authorization matrix is generated from the same
// declarations, so the documentation cannot drift from what runs.
import type { Actor } from "./auth.js";
import type { Context } from "./context.js";
import { forbidden, unauthenticated } from "./errors.js";

export type ActorRole = Actor["role"];
export const ACTOR_ROLES: readonly ActorRole[] = ["ANONYMOUS", "ADMIN", "CONSULTANT", "BOARD_MEMBER", "EXPERT", "PARTNER"];

/** A role's permission under a condition on the resource, described for the matrix. */
export interface Condition<A extends Actor, R> {
  /** Read as "allowed if ..." in docs/authorization.md, e.g. "the board is their own". */
  describe: string;
  when: (actor: A, resource: R, ctx: Context) => boolean | Promise<boolean>;
}

/** The actor narrowed to one role (an intersection, because EXPERT and PARTNER share a variant). */
export type ActorOf<K extends ActorRole> = Actor & { role: K };

export type Grants<R> = { [K in ActorRole]?: true | Condition<ActorOf<K>, R> };

export interface PolicyAction<R = void> {
  readonly name: string;
  readonly description: string;
  readonly grants: Grants<R>;
  /** Said in FORBIDDEN errors. */
  readonly refusal: string;
}

/**
 * Declares an action. `R` is what the rules look at (an agreement, a board id, ...); use `void`
 * for actions that depend on the role alone.
 */
export function definePolicy<R = void>(name: string, description: string, grants: Grants<R>, refusal?: string): PolicyAction<R> {
  if (!/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(name)) throw new Error(`policy action ${name} must read module.verb`);
  return { name, description, grants, refusal: refusal ?? `You are not allowed to ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, "")}` };
}

/** Whether the actor may perform the action on the resource. */
export async function can<R>(ctx: Context, action: PolicyAction<R>, resource: R): Promise<boolean> {
  const grant = action.grants[ctx.actor.role] as true | Condition<Actor, R> | undefined;
  if (!grant) return false;
  if (grant === true) return true;
  return grant.when(ctx.actor, resource, ctx);
}

/**
 * The check a domain function runs before it validates anything: a role without any grant is
 * refused at once, so a caller without access learns nothing from validation. A conditional
 * grant passes here; the function then checks it on the resource with `assertCan`.
 */
export function assertRoleMay(ctx: Context, action: PolicyAction<never>): void {
  if (grantFor(action, ctx.actor.role) !== "never") return;
  if (ctx.actor.role === "ANONYMOUS") throw unauthenticated();
  throw forbidden(action.refusal);
}

/** Fails unless the actor may: UNAUTHENTICATED for an anonymous caller, FORBIDDEN for anyone else. */
export async function assertCan<R>(ctx: Context, action: PolicyAction<R>, resource: R): Promise<void> {
  if (await can(ctx, action, resource)) return;
  if (ctx.actor.role === "ANONYMOUS") throw unauthenticated();
  throw forbidden(action.refusal);
}

/** Whether any resource could be allowed for the role: an unconditional grant or a condition. */
export function grantFor(action: PolicyAction<never>, role: ActorRole): "always" | "never" | string {
  const grant = (action.grants as Grants<unknown>)[role];
  if (!grant) return "never";
  return grant === true ? "always" : grant.describe;
}

/** Roles any signed-in editor has: the sector's consultants and the platform's admins. */
export const editors = { ADMIN: true, CONSULTANT: true } as const;
