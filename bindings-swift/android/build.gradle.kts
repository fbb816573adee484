// sparrow-core as an Android library: the uniffi-generated Kotlin (the same source the
// JVM tests compile) plus libsparrow_core_uniffi.so per ABI in src/main/jniLibs, both
// written by bindings-swift/scripts/build-android.sh.
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.4.21"
}

android {
    namespace = "com.sparrowinvest.core"
    compileSdk = 35
    defaultConfig {
        minSdk = 24
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].kotlin.srcDir("build/generated/uniffi")
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
}

dependencies {
    // The AAR, not the plain jar: only the AAR carries libjnidispatch.so for Android.
    implementation("net.java.dev.jna:jna:5.19.1@aar")
}
