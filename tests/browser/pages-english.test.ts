import { walkEveryPage } from './page-walk.js';

walkEveryPage('desktop-en');
