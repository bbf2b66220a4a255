import type { Hono } from "hono";
import type { AppEnv } from "./env.js";

/**
 * A feature's sub-app and the prefix it answers under; its routes are written relative to it.
 * Sub-apps differ in their environment (a guarded area adds `actor`) and in their route schema;
 * only their routes are read here, so the type parameters stay open.
 */
export interface Mount {
  prefix: string;
  routes: Hono<any, any, any>;
}

/** Middleware (`use`) registers as method ALL; a route handler has a real method. */
const AREA_MIDDLEWARE = "ALL";

function joined(prefix: string, path: string): string {
  const full = `${prefix === "/" ? "" : prefix}${path === "/" ? "" : path}`;
  return full === "" ? "/" : full;
}

/**
 * The areas a mount guards: each `use(...)` of a sub-app must cover all of it (`use(guard)`, which
 * Hono registers as `/*`) or a sub-app nested in it, never one route's path — so a guard can only
 * run where its own feature's routes are.
 */
function areasOf(mount: Mount): string[] {
  return mount.routes.routes
    .filter((route) => route.method === AREA_MIDDLEWARE)
    .map((route) => {
      if (!route.path.endsWith("/*")) {
        throw new Error(
          `${mount.prefix} : le middleware « ${route.path} » vise un chemin ; déclarez-le sur la route, ou use(garde) pour toute la zone`,
        );
      }
      if (mount.prefix === "/")
        throw new Error("une zone gardée ne peut pas être montée à / : elle garderait tout le site");
      return joined(mount.prefix, route.path.slice(0, -2));
    });
}

function pathsOf(mount: Mount): string[] {
  return mount.routes.routes
    .filter((route) => route.method !== AREA_MIDDLEWARE)
    .map((route) => joined(mount.prefix, route.path));
}

const inside = (path: string, area: string) => path === area || path.startsWith(`${area}/`);

/**
 * Mounts every feature at its prefix, after checking that an area's guards cannot run for another
 * feature's routes: no route of another mount lies inside a guarded area. Throws at start-up
 * (and so in every test) rather than letting a guard leak.
 */
export function mountAll(app: Hono<AppEnv>, mounts: readonly Mount[]): void {
  const areas = mounts.map(areasOf);
  mounts.forEach((mount, index) => {
    for (const path of pathsOf(mount)) {
      for (const [other, guarded] of areas.entries()) {
        const area = other === index ? undefined : guarded.find((prefix) => inside(path, prefix));
        if (area)
          throw new Error(`${path} (monté à ${mount.prefix}) est dans la zone gardée ${area} d'un autre module`);
      }
    }
  });
  for (const mount of mounts) app.route(mount.prefix, mount.routes);
}
