import type { JSX } from "hono/jsx/jsx-runtime";
import { Discussion } from "../../../views/comments/Discussion.js";
import type { AppDeps, CurrentUser } from "../../http/env.js";
import { loadDiscussion } from "./comments.discussion.js";

/** The debate region of the proposal page (plugged in by proposal-sections.ts). */
export async function loadDiscussionSection(
  deps: AppDeps,
  proposal: { slug: string },
  viewer: CurrentUser | undefined,
): Promise<JSX.Element | undefined> {
  const view = await loadDiscussion(deps.db, proposal.slug, viewer);
  return view ? <Discussion view={view} /> : undefined;
}
