"""The intermediate representation: one model of an Intercom API version, built from its spec."""
