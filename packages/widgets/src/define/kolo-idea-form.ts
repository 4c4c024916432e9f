import { KoloIdeaForm } from '../components/idea-form/idea-form.ts';

KoloIdeaForm.define('kolo-idea-form');
