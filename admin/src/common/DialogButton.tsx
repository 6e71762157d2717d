import type { FieldValues } from 'react-hook-form';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button, Form, SaveButton, Toolbar, useNotify, useRefresh, useTranslate } from 'react-admin';

/**
 * The dialog's texts (i18n keys): `keys` names a group holding `button` (the button's label), `title` and `done` (the
 * success notification), and a `done` given beside it replaces the group's; without a group, `label` is both the
 * button's label and the dialog's title.
 */
type Texts = { keys: string; done?: string; label?: never } | { keys?: never; label: string; done: string };

type Props = Texts & {
  titleArgs?: Record<string, unknown>;
  icon: ReactNode;
  save: (values: FieldValues) => Promise<unknown>;
  onDone?: () => void;
  /** An action rather than a record saved (revoke, withdraw): the save button repeats the button's label. */
  confirms?: boolean;
  testId?: string;
  defaultValues?: Record<string, unknown>;
  children: ReactNode;
};

/** The dialog's form starts from `defaultValues` alone, never from the record of the page it sits on. */
const NO_RECORD = {};

/**
 * A button opening a dialog with a form: once `save` succeeds the dialog closes, `done` is notified and the page
 * reloads; an API error is shown as a notification and the dialog stays open with what was typed. Clicks do not
 * reach a clickable row around the button.
 */
export function DialogButton({ titleArgs, icon, save, onDone, confirms, testId, defaultValues, children, ...texts }: Props) {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const label = texts.label ?? `${texts.keys}.button`;
  const title = texts.label ?? `${texts.keys}.title`;
  const done = texts.done ?? `${texts.keys}.done`;
  const submit = async (values: FieldValues) => {
    try {
      await save(values);
      notify(done, { type: 'success' });
      setOpen(false);
      refresh();
      onDone?.();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button
        label={label}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={testId}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm">
        <DialogTitle>{translate(title, titleArgs)}</DialogTitle>
        <DialogContent>
          <Form onSubmit={submit} defaultValues={defaultValues} record={NO_RECORD}>
            {children}
            <Toolbar>
              <SaveButton label={confirms ? label : undefined} alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
