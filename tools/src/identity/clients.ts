/** The browser application registered with the local provider (a public client: PKCE, no secret). */
export const VIEWER_CLIENT_ID = 'shareforyou-viewer';
