/**
 * Geospatial commands for the simulated node: GEOADD, GEOPOS, GEODIST, GEOHASH, GEOSEARCH, GEOSEARCHSTORE and the
 * GEORADIUS family over sorted sets whose scores are Redis's 52-bit interleaved geohashes, with Redis 7.0's search
 * areas, distances, number formats and errors, so that replies match a real node's. Handlers run on the node's event
 * loop.
 */
package io.slotwise.sim.data.geo;
