import { KoloDisclosure } from '../components/disclosure/disclosure.ts';

KoloDisclosure.define('kolo-disclosure');
