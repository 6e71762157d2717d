import { Snackbar } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { CloseNotificationContext, useNotificationContext, useTranslate, type NotificationPayload } from 'react-admin';

/** The colour of each kind of message, as react-admin's own notification draws it. */
const COLOURS = {
  success: { bgcolor: 'success.main', color: 'success.contrastText' },
  error: { bgcolor: 'error.main', color: 'error.contrastText' },
  warning: { bgcolor: 'warning.main', color: 'warning.contrastText' },
  info: {},
} as const;

/**
 * The console's messages ("Đã lưu…", errors): the newest replaces the one on screen at once. react-admin's own
 * notification queues each message until the one before has hidden itself (4 s): three cells saved one after the other
 * in the targets grid confirmed the third 8 s late, while the screen said the first was saved. The console's writes
 * are all pessimistic (sent at once, never undoable), so no message carries an undo.
 */
export function Notification() {
  const { notifications, takeNotification } = useNotificationContext();
  const translate = useTranslate();
  const [shown, setShown] = useState<NotificationPayload & { id: number }>();
  const [open, setOpen] = useState(false);
  // Each message its own snackbar (a new key), so the one on screen is replaced rather than reused.
  const count = useRef(0);

  useEffect(() => {
    const next = takeNotification();
    if (!next) return;
    count.current += 1;
    setShown({ ...next, id: count.current });
    setOpen(true);
  }, [notifications, takeNotification]);

  if (!shown) return null;
  const { message, type = 'info', notificationOptions = {} } = shown;
  const { autoHideDuration, messageArgs, multiLine } = notificationOptions;
  const close = () => setOpen(false);
  return (
    <CloseNotificationContext.Provider value={close}>
      <Snackbar
        key={shown.id}
        open={open}
        onClose={close}
        // 0 and null keep the message until it is closed; left out, it hides after 4 s (react-admin's default).
        autoHideDuration={autoHideDuration === undefined ? 4_000 : (autoHideDuration ?? undefined)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        message={typeof message === 'string' ? translate(message, messageArgs) : message}
        slotProps={{
          content: {
            className: `RaNotification-${type}`,
            sx: { ...COLOURS[type], ...(multiLine ? { whiteSpace: 'pre-wrap' } : {}) },
          },
        }}
      />
    </CloseNotificationContext.Provider>
  );
}
