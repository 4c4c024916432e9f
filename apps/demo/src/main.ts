import './setup.ts';
