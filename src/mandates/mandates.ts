import type { Actor } from "../domain/actor.js";
import { DomainError } from "../domain/errors.js";

export type CurrentMandate = NonNullable<Actor["mandate"]>;

/** The organisation the actor may act for now; refused when they hold no current mandate. */
export function mandateOf(actor: Actor | undefined): CurrentMandate {
  return actingFor(actor).mandate;
}

/** The actor and their current mandate together, for services that act in an organisation's name. */
export function actingFor(actor: Actor | undefined): { actor: Actor; mandate: CurrentMandate } {
  if (!actor?.mandate) throw new DomainError("mandate.none");
  return { actor, mandate: actor.mandate };
}
