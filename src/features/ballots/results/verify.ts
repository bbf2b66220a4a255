import { chainHash, GENESIS_HASH } from "../../../audit/canonical-json.js";
import {
  type Checkpoint,
  findCheckpoints,
  hasValidSignature,
  parsePublicKey,
  publicKeyFingerprint,
} from "../../../audit/checkpoints.js";
import type { ExportedEvent } from "../../../audit/export-format.js";
import type { Choice, Tally } from "../../../domain/ballots.js";
import { ballotCommitment } from "../common/commitment.js";
import { countChoices, decide } from "./tally.js";
import type { BallotChainExport as ChainExport, ExportedResult } from "./view-models/results.model.js";

/**
 * Recomputes everything from the public export alone: the hash chain, each
 * revealed ballot against its commitment, each result against the ballots in the
 * chain, and the published results against the chain. Stops at the first fault.
 */
export type VerifyOutcome =
  | { ok: true; events: number; head: string; results: number; witnessed?: Witnessed }
  | { ok: false; eventId: string | null; message: string };

/** Checkpoints the chain was found to extend, and the key that signed them. */
export interface Witnessed {
  checkpoints: number;
  keyFingerprint: string;
}

export interface VerifyOptions {
  /** Checkpoints the verifier kept (receipt emails, earlier downloads): the chain must extend each. */
  kept?: Checkpoint[];
  /** The fingerprint of the signing key as the verifier pinned it once; the export's key must be it. */
  pinnedFingerprint?: string;
}

class Fault extends Error {
  constructor(
    readonly eventId: string | null,
    message: string,
  ) {
    super(message);
  }
}

const str = (value: unknown) => (typeof value === "string" ? value : String(value ?? ""));

export function verifyExport(doc: ChainExport, options: VerifyOptions = {}): VerifyOutcome {
  try {
    if (!doc || !Array.isArray(doc.events)) throw new Fault(null, "export illisible : pas de liste d'événements");
    checkLinks(doc);
    const witnessed = checkCheckpoints(doc, options);
    const chainResults = checkContent(doc.events);
    checkPublishedResults(doc.results ?? [], chainResults);
    return { ok: true, events: doc.events.length, head: doc.head, results: chainResults.size, witnessed };
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

/**
 * The chain must extend every signed checkpoint, the site's own and the ones the verifier kept:
 * at least as many events, and the same hash at the attested position. A site that deleted its
 * last events and its own checkpoints is still caught by one receipt kept by one organisation.
 */
function checkCheckpoints(doc: ChainExport, options: VerifyOptions): Witnessed | undefined {
  const published = (doc.checkpoints ?? []).map(parsePublished);
  const all = [
    ...published.map((checkpoint) => ({ checkpoint, source: "publié" })),
    ...(options.kept ?? []).map((checkpoint) => ({ checkpoint, source: "gardé" })),
  ];
  if (all.length === 0 && options.pinnedFingerprint === undefined) return undefined;
  const { publicKey, fingerprint } = checkpointKey(doc, options.pinnedFingerprint);
  for (const { checkpoint, source } of all) {
    const named = `le point de contrôle ${source} signé le ${checkpoint.at}`;
    if (!hasValidSignature(checkpoint, publicKey))
      throw new Fault(null, `${named} a une signature invalide : il est falsifié, ou signé par une autre clé`);
    if (doc.events.length < checkpoint.length)
      throw new Fault(
        null,
        `la chaîne ne compte plus que ${doc.events.length} événements alors que ${named} en attestait ${checkpoint.length} : des événements ont été supprimés en fin de journal`,
      );
    const event = doc.events[checkpoint.length - 1] as ExportedEvent;
    if (event.hash !== checkpoint.head)
      throw new Fault(
        event.id,
        `l'événement n°${event.id} (${checkpoint.length}e du journal) n'a plus l'empreinte attestée par ${named} : l'historique a été réécrit`,
      );
  }
  return { checkpoints: all.length, keyFingerprint: fingerprint };
}

function parsePublished(line: unknown): Checkpoint {
  const [checkpoint] = findCheckpoints(String(line));
  if (!checkpoint) throw new Fault(null, `point de contrôle publié illisible : ${String(line).slice(0, 80)}`);
  return checkpoint;
}

function checkpointKey(doc: ChainExport, pinned: string | undefined) {
  const key = doc.checkpointKey;
  if (!key)
    throw new Fault(
      null,
      "l'export ne publie pas de clé de points de contrôle : les points gardés ne peuvent pas être vérifiés",
    );
  const publicKey = parsePublicKey(String(key.publicKey));
  if (!publicKey) throw new Fault(null, "la clé publique des points de contrôle est illisible (Ed25519 attendu)");
  const fingerprint = publicKeyFingerprint(publicKey);
  if (fingerprint !== key.fingerprint)
    throw new Fault(null, "l'empreinte annoncée de la clé des points de contrôle ne correspond pas à la clé publiée");
  if (pinned !== undefined && pinned.trim().toLowerCase() !== fingerprint)
    throw new Fault(
      null,
      `la clé des points de contrôle de cet export (empreinte ${fingerprint}) n'est pas celle que vous avez épinglée (${pinned.trim()})`,
    );
  return { publicKey, fingerprint };
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
