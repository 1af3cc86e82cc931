import type { TokenProvider } from '../client/gateway';

/**
 * Export a log view or report as CSV through the gateway's /audit/export/<view>.csv, which wants
 * the officer's bearer token like /graphql (so a plain link cannot carry it): fetched, then saved
 * from a Blob under the file name the audit service gives. The export is itself audited.
 */
export async function downloadCsv(gatewayUrl: string, tokenProvider: TokenProvider, view: string, params: Record<string, string | boolean | null | undefined>): Promise<string> {
  const url = new URL(`${gatewayUrl.replace(/\/graphql\/?$/, '')}/audit/export/${view}.csv`);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  const response = await fetch(url, { headers: { authorization: `Bearer ${await tokenProvider()}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
    throw new Error(body?.errors?.[0]?.message ?? `The export was refused (HTTP ${response.status}).`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${view}.csv`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
