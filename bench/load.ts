import autocannon from "autocannon";

export interface Scenario {
  name: string;
  method?: "GET" | "POST";
  path: string;
  /** One of these cookies per request, in turn (signed-in scenarios). */
  cookies?: string[];
  /** A fresh urlencoded body per request (POST scenarios). */
  body?: (index: number) => Record<string, string>;
  origin?: string;
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts, 4xx and 5xx answers. */
  errors: number;
  total: number;
}

/** Drives one scenario with autocannon (in this process, separate from the server's). */
export async function runScenario(
  baseUrl: string,
  scenario: Scenario,
  options: { connections: number; durationSeconds: number },
): Promise<LoadResult> {
  let counter = 0;
  const result = await autocannon({
    url: `${baseUrl}${scenario.path}`,
    connections: options.connections,
    duration: options.durationSeconds,
    method: scenario.method ?? "GET",
    headers: { "Accept-Encoding": "gzip" },
    requests: [
      {
        setupRequest: (request) => {
          counter += 1;
          const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
          if (scenario.cookies?.length) headers.Cookie = scenario.cookies[counter % scenario.cookies.length] as string;
          if (scenario.body) {
            headers["Content-Type"] = "application/x-www-form-urlencoded";
            headers.Origin = scenario.origin ?? baseUrl;
            return { ...request, headers, body: new URLSearchParams(scenario.body(counter)).toString() };
          }
          return { ...request, headers };
        },
      },
    ],
  });
  const errors = result.errors + result.timeouts + result["4xx"] + result["5xx"];
  return {
    name: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors,
    total: result.requests.total,
  };
}
