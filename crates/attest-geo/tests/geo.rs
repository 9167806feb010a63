//! Behaviour of the embedded gazetteer on sentences written for these tests.
