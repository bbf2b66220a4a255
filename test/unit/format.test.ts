import { describe, expect, it } from "vitest";
import { formatDateTime, formatDayAndTime, formatTimeLeft } from "../../views/common/format.js";

describe("dates through Intl, in Paris time", () => {
  // 17:00 UTC is 18:00 in Paris in winter and 19:00 in summer, whatever the server's zone.
  it("writes a date and time in French, in Paris time", () => {
    expect(formatDateTime(new Date("2026-12-04T17:00:00Z"))).toBe("4 décembre 2026 à 18:00");
    expect(formatDayAndTime(new Date("2026-07-14T17:00:00Z"))).toBe("14 juillet à 19:00");
  });

  it("says the time left in minutes, hours, then days, and an imminent close", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(formatTimeLeft(later(12 * 60_000), now)).toBe("dans 12 minutes");
    expect(formatTimeLeft(later(5 * 3_600_000 + 60_000), now)).toBe("dans 5 heures");
    expect(formatTimeLeft(later(3 * 86_400_000), now)).toBe("dans 3 jours");
    expect(formatTimeLeft(later(-1), now)).toBe("clôture imminente");
  });

  it("follows the locale it is given, so a second language only adds a catalogue", () => {
    expect(formatDateTime(new Date("2026-12-04T17:00:00Z"), "en-GB")).toBe("4 December 2026 at 18:00");
    const now = new Date("2026-12-04T12:00:00Z");
    expect(formatTimeLeft(new Date(now.getTime() + 3 * 86_400_000), now, "en-GB")).toBe("in 3 days");
  });
});
