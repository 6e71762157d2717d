import { Box, Card, CardContent } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';

/** A custom page's frame (the grid, the entry page, the insights, eligibility): its title and one card holding the page. */
export function PageCard({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate(title)} />
      <Card>
        <CardContent>{children}</CardContent>
      </Card>
    </Box>
  );
}
