import type { ReactElement, ReactNode } from 'react';
import { Show, TabbedShowLayout } from 'react-admin';

/** The tabs after a record's summary: the path names the tab (`#/<resource>/<id>/show/<path>`) and its label. */
export type RecordSections = [path: string, content: ReactNode][];

interface Props {
  /** Where the tabs' labels are: `<labels>.overview` for the summary, `<labels>.<path>` for each section. */
  labels: string;
  /** The page's toolbar (react-admin's default when absent). */
  actions?: ReactElement;
  sections: RecordSections;
  /** The summary's fields, labelled one under another. */
  children: ReactNode;
}

/** A record's page in tabs: its summary first, then one tab per section. */
export function TabbedRecord({ labels, actions, sections, children }: Props) {
  return (
    <Show actions={actions}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={`${labels}.overview`}>{children}</TabbedShowLayout.Tab>
        {sections.map(([path, content]) => (
          <TabbedShowLayout.Tab key={path} label={`${labels}.${path}`} path={path}>
            {content}
          </TabbedShowLayout.Tab>
        ))}
      </TabbedShowLayout>
    </Show>
  );
}
