import { KoloIdeaBoard } from '../components/idea-board/idea-board.ts';

KoloIdeaBoard.define('kolo-idea-board');
