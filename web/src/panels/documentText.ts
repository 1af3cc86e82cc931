/** A document's content as the panels show it. Pure. */

interface Attachment {
  title?: string | null;
  contentType?: string | null;
  url?: string | null;
  inline: boolean;
}

/** A document sent without its text: where each part of it lives at the source ("Letter (application/pdf) held at the source: <url>"). */
export const heldAtSource = (d: { attachments: Attachment[] }) =>
  d.attachments.filter((a) => !a.inline).map((a) => `${a.title ?? 'Document'} (${a.contentType ?? 'document'}) held at the source${a.url ? `: ${a.url}` : ''}`).join('; ');
