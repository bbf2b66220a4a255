import type { JSX } from "hono/jsx/jsx-runtime";
import { Discussion } from "../../../views/comments/Discussion.js";
import type { AppDeps, CurrentUser } from "../../http/env.js";
import { loadDiscussion } from "./discussion.presenter.js";

/**
 * The debate region of the proposal page (plugged in by src/proposal-regions.ts). A section file:
 * besides the routes and the live fragments (`comments.live.tsx`), the only file of the feature
 * that draws JSX. It builds nothing itself: the view model comes from `discussion.presenter.ts`.
 */
export async function loadDiscussionSection(
  deps: AppDeps,
  proposal: { slug: string },
  viewer: CurrentUser | undefined,
): Promise<JSX.Element | undefined> {
  const view = await loadDiscussion(deps.db, proposal.slug, viewer);
  return view ? <Discussion view={view} /> : undefined;
}
