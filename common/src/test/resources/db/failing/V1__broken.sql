-- Used by MigrationsTest: a migration PostgreSQL rejects.
CREATE TABLE broken (id bigint PRIMARY KEY);
CREATE TABLE broken (id bigint PRIMARY KEY);
