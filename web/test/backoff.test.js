import {test} from './runner.js';
