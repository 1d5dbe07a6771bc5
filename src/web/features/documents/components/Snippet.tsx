/** A snippet of a document with the words searched for highlighted. */
import type { SnippetPart } from '../../../../shared/contracts/documents.ts';

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <p className="doc-snippet" data-testid="snippet">
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
