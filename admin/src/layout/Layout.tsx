import { Layout as RaLayout, type LayoutProps } from 'react-admin';
import { Menu } from './Menu';

export function Layout(props: LayoutProps) {
  return <RaLayout {...props} menu={Menu} />;
}
