// NLP.js ships no type declarations; bench/nlu.ts uses it only to compare it with the project's classifier.
declare module '@nlpjs/core';
declare module '@nlpjs/nlp';
declare module '@nlpjs/lang-en';
