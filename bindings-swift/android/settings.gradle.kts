// The Android library (AAR) of sparrow-core. NOT BUILT ON THIS PROJECT'S MACHINES (no
// Android SDK). See bindings-swift/scripts/build-android.sh.
pluginManagement {
    repositories { google(); mavenCentral(); gradlePluginPortal() }
}
dependencyResolutionManagement {
    repositories { google(); mavenCentral() }
}
rootProject.name = "sparrow-core-android"
