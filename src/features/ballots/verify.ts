import type { Choice } from "../../db/database.js";
import { ballotCommitment, chainHash, GENESIS_HASH } from "./canonical-json.js";
import type { ChainExport, ExportedEvent, ExportedResult } from "./export-format.js";
import { countChoices, decide, type Tally } from "./tally.js";

/**
 * Recomputes everything from the public export alone: the hash chain, each
 * revealed ballot against its commitment, each result against the ballots in the
 * chain, and the published results against the chain. Stops at the first fault.
 */
export type VerifyOutcome =
  | { ok: true; events: number; head: string; results: number }
  | { ok: false; eventId: string | null; message: string };

class Fault extends Error {
  constructor(
    readonly eventId: string | null,
    message: string,
  ) {
    super(message);
  }
}

const str = (value: unknown) => (typeof value === "string" ? value : String(value ?? ""));

export function verifyExport(doc: ChainExport): VerifyOutcome {
  try {
    if (!doc || !Array.isArray(doc.events)) throw new Fault(null, "export illisible : pas de liste d'événements");
    checkLinks(doc);
    const chainResults = checkContent(doc.events);
    checkPublishedResults(doc.results ?? [], chainResults);
    return { ok: true, events: doc.events.length, head: doc.head, results: chainResults.size };
  } catch (error) {
    if (error instanceof Fault) return { ok: false, eventId: error.eventId, message: error.message };
    return { ok: false, eventId: null, message: `export illisible : ${(error as Error).message}` };
  }
}

function checkLinks(doc: ChainExport): void {
  let prev = GENESIS_HASH;
  for (const event of doc.events) {
    if (event.prevHash !== prev)
      throw new Fault(event.id, `événement n°${event.id} : ne suit pas l'événement précédent (chaîne rompue)`);
    if (event.payload?.kind !== event.kind) throw new Fault(event.id, `événement n°${event.id} : type modifié`);
    if (chainHash(event.prevHash, event.payload) !== event.hash) {
      throw new Fault(event.id, `événement n°${event.id} (${event.kind}) : l'empreinte ne correspond pas au contenu`);
    }
    prev = event.hash;
  }
  if (doc.head !== prev) throw new Fault(null, "l'empreinte de tête publiée n'est pas celle du dernier événement");
}

/** An organisation's last ballot as the chain proves it; the receipt is its event's hash. */
interface ChainBallot {
  /** The audit event that carries it. */
  eventId: string;
  ballotEvent: string;
  receipt: string;
  choice: Choice;
  reason: string;
}

interface ChainResult {
  eventId: string;
  tally: Tally;
  /** organisation → its last ballot event and revealed choice */
  ballots: Map<string, ChainBallot>;
  result: string;
}

/** Walks the chain in order, keeping per proposal the last ballot of each organisation. */
function checkContent(events: ExportedEvent[]): Map<string, ChainResult> {
  const salts = new Map<string, string>();
  for (const e of events) if (e.kind === "vote_closed") salts.set(str(e.payload.proposal), str(e.payload.salt));
  const lastBallots = new Map<string, Map<string, ChainBallot>>();
  const results = new Map<string, ChainResult>();
  const closed = new Set<string>();
  for (const event of events) {
    const proposal = str(event.payload.proposal);
    if (event.kind === "ballot") {
      if (closed.has(proposal)) throw new Fault(event.id, `événement n°${event.id} : bulletin après la clôture`);
      const ballot = checkBallot(event, salts.get(proposal));
      if (ballot) {
        const perOrg = lastBallots.get(proposal) ?? new Map();
        perOrg.set(str(event.payload.organisation), ballot);
        lastBallots.set(proposal, perOrg);
      }
    } else if (event.kind === "vote_closed") {
      closed.add(proposal);
    } else if (event.kind === "result") {
      results.set(proposal, checkResult(event, lastBallots.get(proposal) ?? new Map()));
    }
  }
  return results;
}

function checkBallot(event: ExportedEvent, salt: string | undefined) {
  if (salt === undefined) return undefined; // vote still open: the choice stays secret
  if (!event.reveal) throw new Fault(event.id, `événement n°${event.id} : choix non publié après la clôture`);
  const commitment = ballotCommitment({
    saltHex: salt,
    ballotEvent: str(event.payload.ballotEvent),
    organisation: str(event.payload.organisation),
    choice: event.reveal.choice,
    reason: event.reveal.reason,
  });
  if (commitment !== event.payload.commitment) {
    throw new Fault(
      event.id,
      `événement n°${event.id} (bulletin de ${str(event.payload.organisation)}) : le choix ou la motivation publiés ne correspondent pas à l'empreinte`,
    );
  }
  return { eventId: event.id, ballotEvent: str(event.payload.ballotEvent), receipt: event.hash, ...event.reveal };
}

function checkResult(event: ExportedEvent, ballots: ChainResult["ballots"]): ChainResult {
  const p = event.payload;
  const fail = (what: string) =>
    new Fault(event.id, `événement n°${event.id} (résultat de ${str(p.proposal)}) : ${what}`);
  const listed = (p.ballots ?? {}) as Record<string, string>;
  if (Object.keys(listed).length !== ballots.size) throw fail("le nombre de bulletins ne correspond pas à la chaîne");
  for (const [organisation, ballot] of ballots) {
    if (listed[organisation] !== ballot.ballotEvent)
      throw fail(`le dernier bulletin de ${organisation} ne correspond pas`);
  }
  const tally = countChoices([...ballots.values()].map((b) => b.choice));
  const published = p.tally as Tally;
  if ((["pour", "contre", "abstention", "cast"] as const).some((k) => published?.[k] !== tally[k])) {
    throw fail("le décompte publié ne correspond pas aux bulletins");
  }
  const rules = {
    quorumFraction: Number(p.quorumFraction),
    quorumCount: p.quorumCount === null ? null : Number(p.quorumCount),
    adoptionRule: p.adoptionRule as "majorite_exprimes",
  };
  const decision = decide(tally, rules, Number(p.eligible));
  if (decision.result !== p.result || decision.quorumRequired !== p.quorumRequired) {
    throw fail("le résultat publié ne découle pas des règles et du décompte");
  }
  return { eventId: event.id, tally, ballots, result: decision.result };
}

/** The site's results (from the ballots table) must say exactly what the chain says. */
function checkPublishedResults(published: ExportedResult[], chain: Map<string, ChainResult>): void {
  for (const result of published) {
    const fromChain = chain.get(result.proposal);
    if (!fromChain)
      throw new Fault(null, `résultats de ${result.proposal} : aucun événement de résultat dans la chaîne`);
    const fail = (what: string) =>
      new Fault(
        fromChain.eventId,
        `résultats publiés de ${result.proposal} : ${what} (voir l'événement n°${fromChain.eventId})`,
      );
    if (result.result !== fromChain.result) throw fail("le résultat diffère de la chaîne");
    if (result.rollCall.length !== fromChain.ballots.size) throw fail("le nombre de bulletins diffère de la chaîne");
    for (const entry of result.rollCall) {
      const ballot = fromChain.ballots.get(entry.organisation);
      if (
        !ballot ||
        ballot.ballotEvent !== entry.ballotEvent ||
        ballot.choice !== entry.choice ||
        ballot.reason !== entry.reason ||
        ballot.receipt !== entry.receipt
      ) {
        const where = ballot ? ballot.eventId : fromChain.eventId;
        throw new Fault(
          where,
          `résultats publiés de ${result.proposal} : le bulletin de ${entry.organisation} diffère de l'événement n°${where}`,
        );
      }
    }
    const tally = countChoices(result.rollCall.map((e) => e.choice));
    if ((["pour", "contre", "abstention", "cast"] as const).some((k) => result.tally[k] !== tally[k])) {
      throw fail("le décompte diffère des bulletins");
    }
  }
}
