package org.webrtcscratch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A front-end library from a WebJar on the class path, served from the jar under a path without its
 * version, so that the web app's imports do not change when the version in server/pom.xml does.
 * A WebJar keeps its files under {@code META-INF/resources/webjars/<name>/<version>/} and its version in
 * {@code META-INF/maven/<groupId>/<artifactId>/pom.properties}.
 *
 * @param groupId the WebJar's Maven group, e.g. {@code org.webjars.npm}
 * @param artifactId its artifact, which is also the library's folder name
 * The version's folder is what is served: a jar lists its folders as entries only down to there (uPlot's
 * has no entry for {@code dist/}), and the static file handler refuses a folder the jar does not list.
 *
 * @param hostedPath where it is served, e.g. {@code /vendor/uplot}
 */
record WebJar(String groupId, String artifactId, String hostedPath) {

    /** uPlot, the charts of Behind the Scenes: {@code /vendor/uplot/dist/uPlot.esm.js} and {@code uPlot.min.css}. */
    static final WebJar UPLOT = new WebJar("org.webjars.npm", "uplot", "/vendor/uplot");

    /** The version on the class path; fails at startup when the WebJar is missing. */
    String version() {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = WebJar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + groupId + ":" + artifactId + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    void serve(JavalinConfig javalinConfig, int precompressMaxBytes) {
        String directory = "/META-INF/resources/webjars/" + artifactId + "/" + version();
        javalinConfig.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = directory;
            files.location = Location.CLASSPATH;
            files.precompressMaxSize = precompressMaxBytes;
        });
    }
}
