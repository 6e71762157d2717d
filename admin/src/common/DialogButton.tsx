import type { FieldValues } from 'react-hook-form';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button, Form, SaveButton, Toolbar, useNotify, useRefresh, useTranslate } from 'react-admin';

interface Props {
  label: string;
  title: string;
  titleArgs?: Record<string, unknown>;
  icon: ReactNode;
  /** The success notification (an i18n key). */
  done: string;
  save: (values: FieldValues) => Promise<unknown>;
  onDone?: () => void;
  saveLabel?: string;
  testId?: string;
  defaultValues?: Record<string, unknown>;
  children: ReactNode;
}

/** The dialog's form starts from `defaultValues` alone, never from the record of the page it sits on. */
const NO_RECORD = {};

/**
 * A button opening a dialog with a form: once `save` succeeds the dialog closes, `done` is notified and the page
 * reloads; an API error is shown as a notification and the dialog stays open with what was typed. Clicks do not
 * reach a clickable row around the button.
 */
export function DialogButton({ label, title, titleArgs, icon, done, save, onDone, saveLabel, testId, defaultValues, children }: Props) {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
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
              <SaveButton label={saveLabel} alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
