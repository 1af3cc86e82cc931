/** The browser applications registered with the local provider (public clients: PKCE, no secret). */
export const VIEWER_CLIENT_ID = 'shareforyou-viewer';
export const EMBED_EXAMPLE_CLIENT_ID = 'shareforyou-embed-example';
