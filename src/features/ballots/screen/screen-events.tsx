import { ScreenBoard } from "../../../../views/ballots/screen/ScreenPage.js";
import type { AppDeps } from "../../../http/env.js";
import { loadScreen } from "./screen.service.js";

/** A ballot, an opening, a closing or a new schedule, on an open meeting screen: the whole board, redrawn. */
export async function renderScreenEvent(deps: AppDeps, proposalId: string): Promise<string> {
  const view = await loadScreen(deps.db, { id: proposalId });
  return view ? String(await (<ScreenBoard view={view} oob />).toString()) : "";
}
