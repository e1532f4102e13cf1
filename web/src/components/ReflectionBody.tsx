import { MarkdownView } from './MarkdownView.js';

/** A reflection's Markdown, through the journal's one sanitizing renderer. */
export function ReflectionBody({ body, id }: { body: string; id?: string }) {
  return (
    <div className="reflection-body">
      <MarkdownView source={body} id={id} />
    </div>
  );
}
